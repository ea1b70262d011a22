#!/usr/bin/python3
"""Writes the scipy reference outputs that tests/dsp/tst_filters.cpp compares against.

Run ONCE by hand (Debian: apt-get install python3-scipy), from this folder:
    /usr/bin/python3 make_reference.py /path/to/shared/data
The tests never run Python; they read the committed *.txt files. Produced with scipy 1.10.1,
numpy 1.24.2 (Debian 12).

Inputs are rebuilt by the test: the synthetic signal below (same formula in tst_filters.cpp),
rounded to float32 like ecglens' sample type, and a 10 s excerpt of MIT-BIH record 101, lead
MLII, decoded from the format-212 file at test time (physical = (adc - 1024) / 200 mV).
"""
import sys
import numpy as np
import scipy.signal as sig


def synthetic(fs, n):
    """Baseline wander + beats + mains + broadband; identical in tst_filters.cpp."""
    t = np.arange(n, dtype=np.float64) / fs
    x = (0.8 * np.sin(2 * np.pi * 0.3 * t) + 0.3 * np.sin(2 * np.pi * 50.0 * t)
         + 0.1 * np.sin(2 * np.pi * 60.0 * t + 0.5) + 0.2 * np.sin(2 * np.pi * 17.0 * t)
         + 0.05 * np.cos(2 * np.pi * 110.0 * t))
    for k in range(int(n / fs / 0.8) + 1):
        c = 0.25 + 0.8 * k
        x += 1.5 * np.exp(-((t - c) / 0.012) ** 2) - 0.3 * np.exp(-((t - c - 0.03) / 0.01) ** 2)
        x += 0.3 * np.exp(-((t - c - 0.3) / 0.05) ** 2)
    return x.astype(np.float32).astype(np.float64)


def mitdb101(data_dir, n):
    raw = np.fromfile(data_dir + "/mitdb/101.dat", dtype=np.uint8, count=3 * n)
    b = raw.reshape(-1, 3).astype(np.int32)
    s0 = b[:, 0] | ((b[:, 1] & 0x0F) << 8)
    s0 = np.where(s0 > 2047, s0 - 4096, s0)
    return ((s0 - 1024) / 200.0).astype(np.float32).astype(np.float64)


def write(name, desc, y):
    with open(name, "w") as f:
        f.write("# " + desc + "\n")
        f.write("%d\n" % len(y))
        for v in y:
            f.write("nan\n" if np.isnan(v) else "%.10g\n" % v)


def notch_all(x, fs, mains, harmonics=True, q=30.0):
    y = x
    k = 1
    while k * mains < fs / 2:
        b, a = sig.iirnotch(k * mains, q, fs=fs)
        y = sig.filtfilt(b, a, y)
        if not harmonics:
            break
        k += 1
    return y


def condition_sos(fs, hp=0.5, mains=50.0, lp=40.0):
    parts = [sig.butter(2, hp, "highpass", fs=fs, output="sos")]
    k = 1
    while k * mains < fs / 2:
        b, a = sig.iirnotch(k * mains, 30.0, fs=fs)
        parts.append(np.concatenate([b, a])[None, :])
        k += 1
    parts.append(sig.butter(4, lp, "lowpass", fs=fs, output="sos"))
    return np.vstack(parts)


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else "../../../../shared/data"
    x360 = synthetic(360.0, 1800)
    x500 = synthetic(500.0, 2500)
    write("highpass_360_0p5_o2.txt", "sosfiltfilt(butter(2, 0.5, highpass, fs=360)), synthetic(360, 1800)",
          sig.sosfiltfilt(sig.butter(2, 0.5, "highpass", fs=360.0, output="sos"), x360))
    write("lowpass_360_40_o4.txt", "sosfiltfilt(butter(4, 40, lowpass, fs=360)), synthetic(360, 1800)",
          sig.sosfiltfilt(sig.butter(4, 40.0, "lowpass", fs=360.0, output="sos"), x360))
    write("lowpass_500_150_o4.txt", "sosfiltfilt(butter(4, 150, lowpass, fs=500)), synthetic(500, 2500)",
          sig.sosfiltfilt(sig.butter(4, 150.0, "lowpass", fs=500.0, output="sos"), x500))
    write("lowpass_500_100_o3.txt", "sosfiltfilt(butter(3, 100, lowpass, fs=500)), synthetic(500, 2500)",
          sig.sosfiltfilt(sig.butter(3, 100.0, "lowpass", fs=500.0, output="sos"), x500))
    write("bandpass_360_5_15_o2.txt", "sosfiltfilt(butter(2, [5, 15], bandpass, fs=360)), synthetic(360, 1800)",
          sig.sosfiltfilt(sig.butter(2, [5.0, 15.0], "bandpass", fs=360.0, output="sos"), x360))
    write("notch_360_50_h.txt", "filtfilt(iirnotch(k*50, 30, fs=360)) for k=1,2,3 in turn, synthetic(360, 1800)",
          notch_all(x360, 360.0, 50.0))
    write("notch_500_60_h.txt", "filtfilt(iirnotch(k*60, 30, fs=500)) for k=1..4 in turn, synthetic(500, 2500)",
          notch_all(x500, 500.0, 60.0))
    write("notch_500_50_single.txt", "filtfilt(iirnotch(50, 30, fs=500)), synthetic(500, 2500)",
          notch_all(x500, 500.0, 50.0, harmonics=False))
    write("condition_360.txt", "sosfiltfilt(vstack(butter(2,0.5,hp), iirnotch 50/100/150, butter(4,40,lp)), fs=360), synthetic(360, 1800)",
          sig.sosfiltfilt(condition_sos(360.0), x360))
    # NaN handling: samples 400..449 are NaN; bridged linearly, filtered, NaN put back.
    xn = x360.copy()
    xn[400:450] = np.nan
    good = ~np.isnan(xn)
    bridged = np.interp(np.arange(len(xn)), np.flatnonzero(good), xn[good])
    yn = sig.sosfiltfilt(sig.butter(2, 0.5, "highpass", fs=360.0, output="sos"), bridged)
    yn[~good] = np.nan
    write("highpass_360_nan.txt", "as highpass_360_0p5_o2 with samples 400..449 NaN (bridged, restored)", yn)
    for up, down, fs, n in [(5, 18, 360.0, 1800), (1, 5, 500.0, 2500), (2, 5, 250.0, 1250),
                            (1, 10, 1000.0, 5000), (18, 5, 100.0, 500), (257, 360, 360.0, 1800)]:
        x = synthetic(fs, n)
        write("resample_%d_%d.txt" % (up, down),
              "resample_poly(synthetic(%g, %d), %d, %d)" % (fs, n, up, down),
              sig.resample_poly(x, up, down))
    m = mitdb101(data, 3600)
    write("mitdb101_highpass.txt", "sosfiltfilt(butter(2, 0.5, highpass, fs=360)), mitdb/101 MLII first 3600 samples",
          sig.sosfiltfilt(sig.butter(2, 0.5, "highpass", fs=360.0, output="sos"), m))
    write("mitdb101_condition.txt", "sosfiltfilt(condition_sos(360)), mitdb/101 MLII first 3600 samples",
          sig.sosfiltfilt(condition_sos(360.0), m))


if __name__ == "__main__":
    main()
