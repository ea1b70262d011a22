// Conditioning filters and resampling against scipy 1.10 values computed once by
// reference/make_reference.py (committed text files; no Python at test time).

#include "dsp/filters.h"
#include "test_data.h"

#include <QFile>
#include <QTest>

#include <cmath>
#include <functional>

using namespace ecglens;

namespace {

/// Same formula as synthetic() in reference/make_reference.py, rounded to float.
std::vector<float> synthetic(double fs, int n)
{
    const double pi = 3.14159265358979323846;
    std::vector<float> x(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const double t = i / fs;
        double v = 0.8 * std::sin(2 * pi * 0.3 * t) + 0.3 * std::sin(2 * pi * 50.0 * t) +
                   0.1 * std::sin(2 * pi * 60.0 * t + 0.5) + 0.2 * std::sin(2 * pi * 17.0 * t) +
                   0.05 * std::cos(2 * pi * 110.0 * t);
        for (int k = 0; k < int(n / fs / 0.8) + 1; ++k) {
            const double c = 0.25 + 0.8 * k;
            v += 1.5 * std::exp(-std::pow((t - c) / 0.012, 2)) -
                 0.3 * std::exp(-std::pow((t - c - 0.03) / 0.01, 2));
            v += 0.3 * std::exp(-std::pow((t - c - 0.3) / 0.05, 2));
        }
        x[std::size_t(i)] = float(v);
    }
    return x;
}

/// First n samples of mitdb/101 lead MLII, decoded from format 212 here (independent of the
/// WFDB reader): physical = (adc - 1024) / 200 mV.
std::vector<float> mitdb101(int n)
{
    QFile f(test::dataPath(QStringLiteral("mitdb/101.dat")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray b = f.read(3LL * n);
    std::vector<float> x;
    for (int i = 0; i + 2 < b.size() && int(x.size()) < n; i += 3) {
        int s = (uchar(b[i]) | ((uchar(b[i + 1]) & 0x0F) << 8));
        if (s > 2047)
            s -= 4096;
        x.push_back(float((s - 1024) / 200.0));
    }
    return x;
}

std::vector<double> readReference(const QString& name)
{
    QFile f(QStringLiteral(ECGLENS_DSP_REFERENCE_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    std::vector<double> v;
    f.readLine(); // description
    const int n = f.readLine().trimmed().toInt();
    v.reserve(std::size_t(n));
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        v.push_back(line == "nan" ? std::nan("") : line.toDouble());
    }
    return v;
}

using Op = std::function<std::vector<float>()>;

} // namespace

Q_DECLARE_METATYPE(Op)

class TestFilters : public QObject
{
    Q_OBJECT

private slots:
    void matchesScipy_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<Op>("op");
        const auto s360 = [] { return synthetic(360.0, 1800); };
        const auto s500 = [] { return synthetic(500.0, 2500); };
        QTest::newRow("highpass 0.5 Hz o2 @360")
            << QStringLiteral("highpass_360_0p5_o2.txt")
            << Op([=] { return dsp::highPass(s360(), 360.0, 0.5, 2); });
        QTest::newRow("lowpass 40 Hz o4 @360")
            << QStringLiteral("lowpass_360_40_o4.txt")
            << Op([=] { return dsp::lowPass(s360(), 360.0, 40.0, 4); });
        QTest::newRow("lowpass 150 Hz o4 @500")
            << QStringLiteral("lowpass_500_150_o4.txt")
            << Op([=] { return dsp::lowPass(s500(), 500.0, 150.0, 4); });
        QTest::newRow("lowpass 100 Hz o3 @500 (odd order)")
            << QStringLiteral("lowpass_500_100_o3.txt")
            << Op([=] { return dsp::lowPass(s500(), 500.0, 100.0, 3); });
        QTest::newRow("bandpass 5-15 Hz o2 @360")
            << QStringLiteral("bandpass_360_5_15_o2.txt") << Op([=] {
                   const auto sos =
                       dsp::butterworth(2, dsp::FilterKind::BandPass, 360.0, 5.0, 15.0);
                   const auto x = s360();
                   const auto y = dsp::sosFiltFilt(sos, std::vector<double>(x.begin(), x.end()));
                   return std::vector<float>(y.begin(), y.end());
               });
        QTest::newRow("notch 50 Hz + harmonics @360")
            << QStringLiteral("notch_360_50_h.txt")
            << Op([=] { return dsp::notch(s360(), 360.0, 50.0, true, 30.0); });
        QTest::newRow("notch 60 Hz + harmonics @500")
            << QStringLiteral("notch_500_60_h.txt")
            << Op([=] { return dsp::notch(s500(), 500.0, 60.0, true, 30.0); });
        QTest::newRow("notch 50 Hz only @500")
            << QStringLiteral("notch_500_50_single.txt")
            << Op([=] { return dsp::notch(s500(), 500.0, 50.0, false, 30.0); });
        QTest::newRow("condition cascade @360") << QStringLiteral("condition_360.txt") << Op([=] {
            Recording r;
            r.fsHz = 360.0;
            r.leads.push_back(Lead{});
            r.leads[0].fsHz = 360.0;
            r.leads[0].samples = s360();
            const auto out = dsp::condition(r, dsp::ConditionOptions{});
            return out ? out->leads[0].samples : std::vector<float>{};
        });
        QTest::newRow("highpass with NaN run") << QStringLiteral("highpass_360_nan.txt") << Op([=] {
            auto x = s360();
            for (int i = 400; i < 450; ++i)
                x[std::size_t(i)] = std::nanf("");
            return dsp::highPass(x, 360.0, 0.5, 2);
        });
        QTest::newRow("resample 360->100")
            << QStringLiteral("resample_5_18.txt")
            << Op([=] { return dsp::resample(s360(), 360.0, 100.0); });
        QTest::newRow("resample 500->100")
            << QStringLiteral("resample_1_5.txt")
            << Op([=] { return dsp::resample(s500(), 500.0, 100.0); });
        QTest::newRow("resample 250->100")
            << QStringLiteral("resample_2_5.txt")
            << Op([] { return dsp::resample(synthetic(250.0, 1250), 250.0, 100.0); });
        QTest::newRow("resample 1000->100")
            << QStringLiteral("resample_1_10.txt")
            << Op([] { return dsp::resample(synthetic(1000.0, 5000), 1000.0, 100.0); });
        QTest::newRow("resample 100->360")
            << QStringLiteral("resample_18_5.txt")
            << Op([] { return dsp::resample(synthetic(100.0, 500), 100.0, 360.0); });
        QTest::newRow("resample 360->257 (arbitrary)")
            << QStringLiteral("resample_257_360.txt")
            << Op([=] { return dsp::resample(s360(), 360.0, 257.0); });
        QTest::newRow("mitdb 101 highpass")
            << QStringLiteral("mitdb101_highpass.txt")
            << Op([] { return dsp::highPass(mitdb101(3600), 360.0, 0.5, 2); });
        QTest::newRow("mitdb 101 condition") << QStringLiteral("mitdb101_condition.txt") << Op([] {
            Recording r;
            r.fsHz = 360.0;
            r.leads.push_back(Lead{});
            r.leads[0].fsHz = 360.0;
            r.leads[0].samples = mitdb101(3600);
            const auto out = dsp::condition(r, dsp::ConditionOptions{});
            return out ? out->leads[0].samples : std::vector<float>{};
        });
    }

    void matchesScipy()
    {
        QFETCH(QString, file);
        QFETCH(Op, op);
        if (file.startsWith(QLatin1String("mitdb")))
            ECGLENS_REQUIRE_DATA(QStringLiteral("mitdb/101.dat"));
        const std::vector<double> ref = readReference(file);
        QVERIFY2(!ref.empty(), qPrintable(QStringLiteral("reference file missing: ") + file));
        const std::vector<float> y = op();
        QCOMPARE(y.size(), ref.size());
        double scale = 0.0;
        for (double v : ref)
            if (!std::isnan(v))
                scale = std::max(scale, std::abs(v));
        double worst = 0.0;
        for (std::size_t i = 0; i < ref.size(); ++i) {
            QCOMPARE(std::isnan(y[i]), std::isnan(ref[i]));
            if (!std::isnan(ref[i]))
                worst = std::max(worst, std::abs(double(y[i]) - ref[i]));
        }
        // Output is float: allow float rounding plus 1e-5 of the signal's range.
        QVERIFY2(worst <= 1e-5 * scale + 1e-7,
                 qPrintable(QStringLiteral("max |error| %1 vs scale %2").arg(worst).arg(scale)));
    }

    void rationalRatios_data()
    {
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::addColumn<int>("up");
        QTest::addColumn<int>("down");
        QTest::newRow("360->100") << 360.0 << 100.0 << 5 << 18;
        QTest::newRow("250->100") << 250.0 << 100.0 << 2 << 5;
        QTest::newRow("1000->100") << 1000.0 << 100.0 << 1 << 10;
        QTest::newRow("128->100") << 128.0 << 100.0 << 25 << 32;
        QTest::newRow("same") << 500.0 << 500.0 << 1 << 1;
    }
    void rationalRatios()
    {
        QFETCH(double, from);
        QFETCH(double, to);
        QFETCH(int, up);
        QFETCH(int, down);
        const auto r = dsp::rationalRatio(from, to);
        QCOMPARE(r.first, up);
        QCOMPARE(r.second, down);
    }

    void edgeCases()
    {
        // Too short for scipy's padlen: still filtered, same length, finite.
        const std::vector<float> shortX = {1.f, 2.f, 3.f, 2.f, 1.f};
        const auto y = dsp::lowPass(shortX, 500.0, 40.0);
        QCOMPARE(y.size(), shortX.size());
        for (float v : y)
            QVERIFY(std::isfinite(v));
        // All NaN stays all NaN; empty stays empty.
        const std::vector<float> nanX(100, std::nanf(""));
        for (float v : dsp::highPass(nanX, 500.0))
            QVERIFY(std::isnan(v));
        QVERIFY(dsp::highPass({}, 500.0).empty());
        // A cutoff above Nyquist leaves the signal unchanged rather than inventing a filter.
        QCOMPARE(dsp::lowPass(shortX, 100.0, 150.0), shortX);
        // Cancellation returns nothing.
        Recording r;
        r.fsHz = 500;
        r.leads.resize(2);
        for (auto& l : r.leads) {
            l.fsHz = 500;
            l.samples.assign(1000, 0.f);
        }
        QVERIFY(!dsp::condition(r, {}, [](double) { return false; }).has_value());
    }
};

QTEST_GUILESS_MAIN(TestFilters)
#include "tst_filters.moc"
