"""JupyterLab for this project: offline, and allowed to run as root (``make lab``).

``make lab`` puts this folder on JUPYTER_CONFIG_PATH, so it is read after the user's own
``~/.jupyter`` config, which still wins where both set something. tests/test_lab.py starts
JupyterLab with the same folder.

* No startup fetch. JupyterLab 4 asks "Would you like to get notified about official Jupyter
  news?" while its ``fetchNews`` setting is "none", and once it is answered it asks the
  server for news and updates, which the server fetches from the internet. The defaults of
  both settings are overridden in ``settings/overrides.json`` (read from
  ``app_settings_dir``), and the server is told to fetch neither, so a user who turns them
  back on still gets nothing from the network. The extension manager is read-only: the
  default one lists and version-checks extensions on PyPI.
* Root. Jupyter Server refuses to start as root unless allowed; in a container everything
  runs as root. The check only ever applies to root, so this setting changes nothing for
  anyone else.
"""
from pathlib import Path

c = get_config()  # noqa: F821 (provided by traitlets when it loads this file)

c.LabApp.app_settings_dir = str(Path(__file__).parent / "settings")
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.handlers.announcements.NeverCheckForUpdate"
c.LabApp.extension_manager = "readonly"
c.ServerApp.allow_root = True
