"""Speed-ups of the tables pipeline that must change no result: the garbage collector tuned
while tables are made."""
import gc

from analysis import tables


def test_the_collector_is_as_it_was_after_the_tables():
    threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
    with tables.runner(1) as run:
        assert gc.get_threshold() == tables.GC_THRESHOLD
        run(len, [([1, 2],)])
    assert (gc.get_threshold(), gc.get_freeze_count()) == (threshold, frozen)
