// The built-in synthetic recording ("demo:"). Expected values come from the model's published
// parameters (McSharry et al. 2003: LF 0.1 Hz, HF 0.25 Hz), from the standard lead definitions
// (Einthoven / Goldberger relations hold for any projection of one dipole) and from the
// requested spec; nothing is compared with a stored copy of the output.

#include "io/open.h"
#include "io/readers.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

using namespace ecglens;

namespace {

Recording mustOpen(const QString& spec)
{
    Result<Recording> r = io::open(spec.toStdString());
    if (!r.ok())
        qFatal("%s", r.error().c_str());
    return std::move(r).value();
}

const std::vector<float>& lead(const Recording& rec, const char* name)
{
    const int i = rec.leadIndex(name);
    if (i < 0)
        qFatal("lead %s missing", name);
    return rec.leads[std::size_t(i)].samples;
}

double median(std::vector<float> v)
{
    std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
    return v[v.size() / 2];
}

} // namespace

class TestDemo : public QObject
{
    Q_OBJECT

private slots:
    void marking()
    {
        const Recording rec = mustOpen(QStringLiteral("demo:"));
        QVERIFY(rec.synthetic);
        QCOMPARE(QString::fromStdString(rec.format),
                 QStringLiteral("Synthetic demo (ECGSYN, McSharry et al. 2003)"));
        QCOMPARE(QString::fromStdString(rec.patient.id), QStringLiteral("DEMO-SYNTHETIC"));
        QVERIFY(rec.patient.ageYears.has_value());
        QVERIFY(rec.patient.sex != Sex::Unknown);
        QVERIFY(!rec.notes.empty());
        const QString note = QString::fromStdString(rec.notes.front()).toLower();
        QVERIFY(note.contains(QStringLiteral("synthetic")));
        QVERIFY(note.contains(QStringLiteral("not patient data")));
        // Defaults: 10 s at 500 Hz, 12 standard leads in mV.
        QCOMPARE(rec.fsHz, 500.0);
        QCOMPARE(rec.sampleCount(), std::size_t(5000));
        QCOMPARE(rec.leads.size(), std::size_t(12));
        const char* names[] = {"I",  "II", "III", "aVR", "aVL", "aVF",
                               "V1", "V2", "V3",  "V4",  "V5",  "V6"};
        for (std::size_t i = 0; i < 12; ++i) {
            QCOMPARE(QString::fromStdString(rec.leads[i].name), QString::fromLatin1(names[i]));
            QCOMPARE(QString::fromStdString(rec.leads[i].unit), QStringLiteral("mV"));
        }
        const double hr = 60.0 * double(rec.annotations.size()) / 10.0;
        QVERIFY2(hr >= 54 && hr <= 84, qPrintable(QString::number(hr)));
    }

    void shape_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("samples");
        QTest::addColumn<QStringList>("leads");
        QTest::newRow("3 leads 250 Hz")
            << QStringLiteral("demo:leads=3,fs=250,seconds=4") << 1000
            << QStringList{QStringLiteral("I"), QStringLiteral("II"), QStringLiteral("V5")};
        QTest::newRow("2 leads") << QStringLiteral("demo:leads=2,seconds=2") << 1000
                                 << QStringList{QStringLiteral("II"), QStringLiteral("V5")};
        QTest::newRow("1 lead 1 kHz") << QStringLiteral("demo:leads=1,fs=1000,seconds=1.5") << 1500
                                      << QStringList{QStringLiteral("II")};
        QTest::newRow("spaces and empty items") << QStringLiteral("demo:leads=1,,seconds=3,")
                                                << 1500 << QStringList{QStringLiteral("II")};
    }
    void shape()
    {
        QFETCH(QString, spec);
        QFETCH(int, samples);
        QFETCH(QStringList, leads);
        const Recording rec = mustOpen(spec);
        QCOMPARE(int(rec.sampleCount()), samples);
        QCOMPARE(int(rec.leads.size()), int(leads.size()));
        for (int i = 0; i < leads.size(); ++i) {
            QCOMPARE(QString::fromStdString(rec.leads[std::size_t(i)].name), leads[i]);
            QCOMPARE(int(rec.leads[std::size_t(i)].size()), samples);
        }
    }

    void deterministic()
    {
        const Recording a = mustOpen(QStringLiteral("demo:seed=7,ectopic=0.1,seconds=20"));
        const Recording b = mustOpen(QStringLiteral("demo:seed=7,ectopic=0.1,seconds=20"));
        const Recording c = mustOpen(QStringLiteral("demo:seed=8,ectopic=0.1,seconds=20"));
        QCOMPARE(a.leads.size(), b.leads.size());
        for (std::size_t i = 0; i < a.leads.size(); ++i)
            QVERIFY(a.leads[i].samples == b.leads[i].samples);
        QCOMPARE(a.annotations.size(), b.annotations.size());
        for (std::size_t i = 0; i < a.annotations.size(); ++i) {
            QCOMPARE(a.annotations[i].sample, b.annotations[i].sample);
            QCOMPARE(a.annotations[i].code, b.annotations[i].code);
        }
        QVERIFY(a.leads[1].samples != c.leads[1].samples);
    }

    void heartRate_data()
    {
        QTest::addColumn<double>("hr");
        for (double hr : {30.0, 50.0, 72.0, 120.0, 200.0})
            QTest::newRow(qPrintable(QString::number(hr))) << hr;
    }
    void heartRate()
    {
        QFETCH(double, hr);
        const Recording rec =
            mustOpen(QStringLiteral("demo:leads=1,fs=250,seconds=300,hr=%1").arg(hr));
        QVERIFY(rec.annotations.size() > 10);
        const double first = rec.annotations.front().timeS, last = rec.annotations.back().timeS;
        const double measured = 60.0 * double(rec.annotations.size() - 1) / (last - first);
        QVERIFY2(std::abs(measured - hr) <= 0.05 * hr,
                 qPrintable(QStringLiteral("measured %1 bpm for hr=%2").arg(measured).arg(hr)));
        for (const Annotation& a : rec.annotations) {
            QCOMPARE(QString::fromStdString(a.code), QStringLiteral("N"));
            QCOMPARE(a.timeS, double(a.sample) / rec.fsHz);
        }
    }

    /// RR tachogram periodogram: the spectral peaks sit where the model puts them (Mayer wave
    /// 0.1 Hz, respiratory sinus arrhythmia 0.25 Hz; McSharry et al. 2003, table 1).
    void rrSpectrum_data()
    {
        QTest::addColumn<int>("seed");
        QTest::newRow("seed 1") << 1;
        QTest::newRow("seed 2") << 2;
        QTest::newRow("seed 3") << 3;
    }
    void rrSpectrum()
    {
        QFETCH(int, seed);
        const Recording rec = mustOpen(
            QStringLiteral("demo:leads=1,fs=200,seconds=1800,hr=60,noise=0,seed=%1").arg(seed));
        // Tachogram RR(t) at beat times, resampled at 4 Hz by linear interpolation.
        std::vector<double> bt, rr;
        for (std::size_t i = 1; i < rec.annotations.size(); ++i) {
            bt.push_back(rec.annotations[i].timeS);
            rr.push_back(rec.annotations[i].timeS - rec.annotations[i - 1].timeS);
        }
        const double fs = 4.0;
        std::vector<double> x;
        std::size_t k = 0;
        for (double t = bt.front(); t < bt.back(); t += 1.0 / fs) {
            while (k + 1 < bt.size() && bt[k + 1] <= t)
                ++k;
            const double f = (t - bt[k]) / (bt[k + 1] - bt[k]);
            x.push_back(rr[k] + f * (rr[k + 1] - rr[k]));
        }
        double mean = 0;
        for (double v : x)
            mean += v;
        mean /= double(x.size());
        auto power = [&](double f) {
            double re = 0, im = 0;
            for (std::size_t i = 0; i < x.size(); ++i) {
                const double w = 2 * std::numbers::pi * f * double(i) / fs;
                re += (x[i] - mean) * std::cos(w);
                im += (x[i] - mean) * std::sin(w);
            }
            return re * re + im * im;
        };
        auto peak = [&](double lo, double hi) {
            double best = 0, bestF = 0;
            for (double f = lo; f <= hi + 1e-9; f += 0.0025) {
                const double p = power(f);
                if (p > best) {
                    best = p;
                    bestF = f;
                }
            }
            return bestF;
        };
        const double lf = peak(0.04, 0.15), hf = peak(0.15, 0.40);
        QVERIFY2(std::abs(lf - 0.10) <= 0.02, qPrintable(QStringLiteral("LF peak %1 Hz").arg(lf)));
        QVERIFY2(std::abs(hf - 0.25) <= 0.02, qPrintable(QStringLiteral("HF peak %1 Hz").arg(hf)));
    }

    void rAmplitudeLeadII()
    {
        const Recording rec = mustOpen(QStringLiteral("demo:seconds=30"));
        const std::vector<float>& ii = lead(rec, "II");
        const double base = median(ii);
        int checked = 0;
        for (const Annotation& a : rec.annotations) {
            const long long w = 20; // 40 ms at 500 Hz
            if (a.sample < w || a.sample + w >= (long long)ii.size())
                continue;
            const float peak =
                *std::max_element(ii.begin() + a.sample - w, ii.begin() + a.sample + w);
            const double amp = peak - base;
            QVERIFY2(amp >= 0.5 && amp <= 2.5, qPrintable(QString::number(amp)));
            ++checked;
        }
        QVERIFY(checked > 20);
    }

    /// Einthoven (III = II - I) and Goldberger (aVR = -(I+II)/2, aVL = I - II/2,
    /// aVF = II - I/2) hold for any body-surface projection of one dipole, noise included.
    void limbLeadRelations_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::newRow("default") << QStringLiteral("demo:");
        QTest::newRow("noisy PVCs") << QStringLiteral("demo:noise=0.2,ectopic=0.3,seed=4");
        QTest::newRow("fast") << QStringLiteral("demo:hr=180,fs=1000,seconds=5");
    }
    void limbLeadRelations()
    {
        QFETCH(QString, spec);
        const Recording rec = mustOpen(spec);
        const auto &i1 = lead(rec, "I"), &i2 = lead(rec, "II"), &i3 = lead(rec, "III");
        const auto &avr = lead(rec, "aVR"), &avl = lead(rec, "aVL"), &avf = lead(rec, "aVF");
        double worst = 0;
        for (std::size_t k = 0; k < i1.size(); ++k) {
            worst = std::max(worst, std::abs(double(i3[k]) - (double(i2[k]) - i1[k])));
            worst = std::max(worst, std::abs(double(avr[k]) + (double(i1[k]) + i2[k]) / 2));
            worst = std::max(worst, std::abs(double(avl[k]) - (double(i1[k]) - i2[k] / 2.0)));
            worst = std::max(worst, std::abs(double(avf[k]) - (double(i2[k]) - i1[k] / 2.0)));
        }
        QVERIFY2(worst <= 1e-4, qPrintable(QString::number(worst)));
    }

    /// A normal 12-lead: upright QRS in I, II, V4-V6, negative in aVR, rS in V1; upright P and
    /// T in II; inverted P in aVR.
    void normalMorphology()
    {
        const Recording rec = mustOpen(QStringLiteral("demo:noise=0,seconds=10"));
        const long long w = 30; // +-60 ms QRS window at 500 Hz
        for (const Annotation& a : rec.annotations) {
            if (a.sample < 200 || a.sample + 250 >= (long long)rec.sampleCount())
                continue;
            auto extremes = [&](const char* name, long long from, long long to) {
                const auto& s = lead(rec, name);
                const auto [lo, hi] = std::minmax_element(s.begin() + from, s.begin() + to);
                return std::pair<double, double>(*lo, *hi);
            };
            for (const char* name : {"I", "II", "V4", "V5", "V6"}) {
                const auto [lo, hi] = extremes(name, a.sample - w, a.sample + w);
                QVERIFY2(hi > -lo, name);
            }
            {
                const auto [lo, hi] = extremes("aVR", a.sample - w, a.sample + w);
                QVERIFY(-lo > hi);
            }
            {
                const auto [lo, hi] = extremes("V1", a.sample - w, a.sample + w);
                QVERIFY(hi > 0.05);      // small r
                QVERIFY(-lo > 1.5 * hi); // deep S
            }
            // P wave 100-250 ms before R, T wave 150-400 ms after R (500 Hz).
            QVERIFY(extremes("II", a.sample - 125, a.sample - 50).second > 0.05);
            QVERIFY(extremes("aVR", a.sample - 125, a.sample - 50).first < -0.05);
            QVERIFY(extremes("II", a.sample + 75, a.sample + 200).second > 0.1);
            QVERIFY(extremes("V5", a.sample + 75, a.sample + 200).second > 0.1);
        }
    }

    void ectopicBeats()
    {
        const Recording rec =
            mustOpen(QStringLiteral("demo:leads=1,fs=250,seconds=1800,ectopic=0.2,seed=11"));
        const auto& a = rec.annotations;
        int v = 0, prematureOk = 0, pauseOk = 0, judged = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (a[i].code != "V")
                continue;
            ++v;
            if (i < 2 || i + 1 >= a.size() || a[i - 1].code != "N" || a[i - 2].code != "N")
                continue;
            ++judged;
            const double before = a[i].timeS - a[i - 1].timeS;
            const double sinus = a[i - 1].timeS - a[i - 2].timeS;
            const double after = a[i + 1].timeS - a[i].timeS;
            if (before < 0.8 * sinus)
                ++prematureOk;
            // Full compensatory pause: coupling + pause = two sinus intervals (+- RR variability).
            if (std::abs(before + after - 2 * sinus) < 0.15 * sinus)
                ++pauseOk;
        }
        const double fraction = double(v) / double(a.size());
        QVERIFY2(std::abs(fraction - 0.2) <= 0.03, qPrintable(QString::number(fraction)));
        QVERIFY(judged > 100);
        QCOMPARE(prematureOk, judged);
        QVERIFY2(pauseOk >= judged * 95 / 100, qPrintable(QString::number(pauseOk)));
        // PVCs are wide: lead II spends longer above half its peak than in a sinus beat.
        const Recording wide = mustOpen(QStringLiteral("demo:leads=1,noise=0,ectopic=0.3,seed=2"));
        auto width = [&](long long at) {
            const auto& s = wide.leads[0].samples;
            const long long from = std::max(0LL, at - 60),
                            to = std::min((long long)s.size(), at + 60);
            const float peak = *std::max_element(s.begin() + from, s.begin() + to);
            return std::count_if(s.begin() + from, s.begin() + to,
                                 [&](float x) { return x > peak / 2; });
        };
        double wn = 0, wv = 0;
        int nn = 0, nv = 0;
        for (const Annotation& b : wide.annotations) {
            (b.code == "V" ? wv : wn) += double(width(b.sample));
            ++(b.code == "V" ? nv : nn);
        }
        QVERIFY(nv > 0 && nn > 0);
        QVERIFY2(wv / nv > 2.0 * (wn / nn),
                 qPrintable(QStringLiteral("%1 vs %2").arg(wv / nv).arg(wn / nn)));
    }

    void badSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown key") << QStringLiteral("demo:bpm=72") << QStringLiteral("bpm");
        QTest::newRow("hr low") << QStringLiteral("demo:hr=19") << QStringLiteral("hr");
        QTest::newRow("hr high") << QStringLiteral("demo:hr=251") << QStringLiteral("hr");
        QTest::newRow("fs low") << QStringLiteral("demo:fs=49") << QStringLiteral("fs");
        QTest::newRow("fs high") << QStringLiteral("demo:fs=10001") << QStringLiteral("fs");
        QTest::newRow("seconds 0") << QStringLiteral("demo:seconds=0") << QStringLiteral("seconds");
        QTest::newRow("seconds negative")
            << QStringLiteral("demo:seconds=-5") << QStringLiteral("seconds");
        QTest::newRow("seconds > 7 days")
            << QStringLiteral("demo:seconds=604801") << QStringLiteral("seconds");
        QTest::newRow("leads 5") << QStringLiteral("demo:leads=5") << QStringLiteral("leads");
        QTest::newRow("not a number") << QStringLiteral("demo:hr=fast") << QStringLiteral("fast");
        QTest::newRow("nan") << QStringLiteral("demo:hr=nan") << QStringLiteral("hr");
        QTest::newRow("no value") << QStringLiteral("demo:hr") << QStringLiteral("hr");
        QTest::newRow("ectopic > 0.5")
            << QStringLiteral("demo:ectopic=0.9") << QStringLiteral("ectopic");
        QTest::newRow("seed fraction") << QStringLiteral("demo:seed=1.5") << QStringLiteral("seed");
        QTest::newRow("too many samples")
            << QStringLiteral("demo:seconds=604800,fs=10000,leads=12") << QStringLiteral("limit");
    }
    void badSpecs()
    {
        QFETCH(QString, spec);
        QFETCH(QString, mentions);
        const Result<Recording> r = io::open(spec.toStdString());
        QVERIFY(!r.ok());
        const QString msg = QString::fromStdString(r.error());
        QVERIFY2(msg.contains(mentions), qPrintable(msg));
    }

    void cancel()
    {
        io::OpenOptions options;
        options.progress = [](double) { return false; };
        const Result<Recording> r = io::open("demo:seconds=3600,fs=500", options);
        QVERIFY(!r.ok());
        QVERIFY(QString::fromStdString(r.error()).contains(QStringLiteral("cancel")));
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
