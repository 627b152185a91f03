"""Colour difference as seen with and without colour-vision deficiency, to check palettes.

Rules (all in numpy, no colour library):

* Colours are sRGB hex strings. They are decoded to linear RGB with the sRGB transfer
  function (IEC 61966-2-1).
* A dichromat's view is simulated with the matrices of Machado, Oliveira and Fernandes
  (2009, "A physiologically-based model for simulation of color vision deficiency",
  IEEE TVCG 15(6)) at severity 1.0 (protanopia, deuteranopia, tritanopia), applied to
  linear RGB and clipped to [0, 1].
* Linear RGB goes to CIE XYZ (sRGB primaries, D65 white) and on to CIELAB.
* Difference is CIEDE2000 (ΔE00) with kL = kC = kH = 1, as given by Sharma, Wu and Dalal
  (2005, "The CIEDE2000 color-difference formula: implementation notes ...", Color Res.
  Appl. 30(1)); ``tests/test_colour.py`` checks it against their published test pairs.

Known limits: severity 1.0 is the far end of each deficiency (anomalous trichromats see
more difference than this); the screen is assumed to be sRGB; ΔE00 is calibrated for
large patches side by side, so small marks (points, thin lines) need more of it.
"""
from __future__ import annotations

from itertools import combinations

import numpy as np

MACHADO_2009 = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}
DEFICIENCIES = tuple(MACHADO_2009)
VISIONS = ("normal", *DEFICIENCIES)
SRGB_TO_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375],
                        [0.2126729, 0.7151522, 0.0721750],
                        [0.0193339, 0.1191920, 0.9503041]])
D65_WHITE = SRGB_TO_XYZ @ np.ones(3)


def linear_rgb(colours) -> np.ndarray:
    """Hex colours ("#1a2b3c") as an (n, 3) array of linear RGB in [0, 1]."""
    values = []
    for colour in colours:
        text = colour.lstrip("#")
        if len(text) != 6:
            raise ValueError(f"{colour!r} is not a colour of the form #rrggbb")
        values.append([int(text[i:i + 2], 16) / 255 for i in (0, 2, 4)])
    srgb = np.array(values, dtype=float).reshape(-1, 3)
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def simulate(linear: np.ndarray, vision: str) -> np.ndarray:
    """Linear RGB as seen with ``vision`` ("normal" or one of DEFICIENCIES)."""
    if vision == "normal":
        return linear
    if vision not in MACHADO_2009:
        raise ValueError(f"unknown vision {vision!r}; use one of {', '.join(VISIONS)}")
    return np.clip(linear @ np.array(MACHADO_2009[vision]).T, 0.0, 1.0)


def cielab(linear: np.ndarray) -> np.ndarray:
    """Linear RGB (n, 3) to CIELAB (n, 3), D65 white."""
    t = (linear @ SRGB_TO_XYZ.T) / D65_WHITE
    delta = 6 / 29
    f = np.where(t > delta ** 3, np.cbrt(t), t / (3 * delta ** 2) + 4 / 29)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], axis=-1)


def ciede2000(lab1, lab2) -> np.ndarray:
    """CIEDE2000 difference between CIELAB colours (arrays broadcast over the last axis)."""
    L1, a1, b1 = np.moveaxis(np.asarray(lab1, dtype=float), -1, 0)
    L2, a2, b2 = np.moveaxis(np.asarray(lab2, dtype=float), -1, 0)
    c_mean = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2
    g = 0.5 * (1 - np.sqrt(c_mean ** 7 / (c_mean ** 7 + 25.0 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1p = np.degrees(np.arctan2(b1, a1p)) % 360
    h2p = np.degrees(np.arctan2(b2, a2p)) % 360
    achromatic = c1p * c2p == 0
    dh = h2p - h1p
    dh = np.where(dh > 180, dh - 360, np.where(dh < -180, dh + 360, dh))
    dh = np.where(achromatic, 0.0, dh)
    d_lp, d_cp = L2 - L1, c2p - c1p
    d_hp = 2 * np.sqrt(c1p * c2p) * np.sin(np.radians(dh / 2))
    l_mean, cp_mean, h_sum = (L1 + L2) / 2, (c1p + c2p) / 2, h1p + h2p
    h_mean = np.where(np.abs(h1p - h2p) <= 180, h_sum / 2, np.where(h_sum < 360, (h_sum + 360) / 2, (h_sum - 360) / 2))
    h_mean = np.where(achromatic, h_sum, h_mean)
    t = (1 - 0.17 * np.cos(np.radians(h_mean - 30)) + 0.24 * np.cos(np.radians(2 * h_mean))
         + 0.32 * np.cos(np.radians(3 * h_mean + 6)) - 0.20 * np.cos(np.radians(4 * h_mean - 63)))
    rotation = 30 * np.exp(-(((h_mean - 275) / 25) ** 2))
    r_c = 2 * np.sqrt(cp_mean ** 7 / (cp_mean ** 7 + 25.0 ** 7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / np.sqrt(20 + (l_mean - 50) ** 2)
    s_c = 1 + 0.045 * cp_mean
    s_h = 1 + 0.015 * cp_mean * t
    r_t = -np.sin(np.radians(2 * rotation)) * r_c
    return np.sqrt((d_lp / s_l) ** 2 + (d_cp / s_c) ** 2 + (d_hp / s_h) ** 2 + r_t * (d_cp / s_c) * (d_hp / s_h))


def differences(colours, vision: str = "normal") -> list[tuple[float, str, str]]:
    """ΔE00 of every pair of ``colours`` as seen with ``vision``, smallest first."""
    colours = list(colours)
    lab = cielab(simulate(linear_rgb(colours), vision))
    pairs = [(float(ciede2000(lab[i], lab[j])), colours[i], colours[j]) for i, j in combinations(range(len(colours)), 2)]
    return sorted(pairs)


def smallest_difference(colours, vision: str = "normal") -> tuple[float, str, str]:
    """The closest pair of ``colours`` as seen with ``vision``: (ΔE00, colour, colour)."""
    pairs = differences(colours, vision)
    if not pairs:
        raise ValueError("need at least two colours to compare")
    return pairs[0]
