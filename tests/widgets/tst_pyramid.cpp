// The min/max pyramid must return the exact min and max of every bucket: checked against a
// brute-force scan of the same samples (NaN = invalid is skipped; all-NaN buckets are NaN).

#include "view/min_max_pyramid.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <random>

using ecglens::view::MinMax;
using ecglens::view::MinMaxPyramid;

namespace {

MinMax brute(const std::vector<float>& x, std::size_t a, std::size_t b)
{
    float lo = std::numeric_limits<float>::infinity(), hi = -lo;
    bool any = false;
    for (std::size_t i = a; i < std::min(b, x.size()); ++i) {
        if (std::isnan(x[i]))
            continue;
        any = true;
        lo = std::min(lo, x[i]);
        hi = std::max(hi, x[i]);
    }
    if (!any)
        return {std::nanf(""), std::nanf("")};
    return {lo, hi};
}

bool same(float a, float b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

std::vector<float> makeSignal(std::size_t n, double nanFraction, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> noise(0.0f, 1.0f);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<float> x(n);
    float walk = 0;
    for (std::size_t i = 0; i < n; ++i) {
        walk += noise(rng) * 0.1f;
        x[i] = walk + (u(rng) < 0.001 ? 5.0f * noise(rng) : 0.0f); // spikes like QRS/artefacts
        if (u(rng) < nanFraction)
            x[i] = std::nanf("");
    }
    // A long run of invalid samples (lead off), as in Holter records.
    if (n > 5000 && nanFraction > 0)
        for (std::size_t i = n / 3; i < n / 3 + 3000; ++i)
            x[i] = std::nanf("");
    return x;
}

} // namespace

class TestPyramid : public QObject
{
    Q_OBJECT
private slots:
    void buckets_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<double>("bucket");
        QTest::addColumn<double>("nanFraction");
        QTest::newRow("empty") << 0 << 4.0 << 0.0;
        QTest::newRow("shorter than a block") << 7 << 2.0 << 0.0;
        QTest::newRow("one block") << 8 << 3.0 << 0.0;
        QTest::newRow("odd size, bucket 1") << 1001 << 1.0 << 0.0;
        QTest::newRow("fractional bucket") << 20011 << 7.3 << 0.0;
        QTest::newRow("aligned bucket 64") << 65536 << 64.0 << 0.0;
        QTest::newRow("unaligned bucket 100.7 + NaN") << 100003 << 100.7 << 0.02;
        QTest::newRow("huge bucket 33333 + NaN") << 1000003 << 33333.3 << 0.001;
        QTest::newRow("bucket larger than data") << 5000 << 9000.0 << 0.0;
    }
    void buckets()
    {
        QFETCH(int, size);
        QFETCH(double, bucket);
        QFETCH(double, nanFraction);
        const std::vector<float> x = makeSignal(std::size_t(size), nanFraction, 7u + size);
        const MinMaxPyramid p(x.data(), x.size());
        std::mt19937 rng(42);
        for (int trial = 0; trial < 5; ++trial) {
            const std::size_t first = size > 0 ? rng() % std::size_t(size) : 0;
            const std::size_t count =
                std::size_t(std::ceil((double(size) - double(first)) / bucket)) + 1;
            const std::vector<MinMax> got = p.buckets(first, bucket, count);
            QCOMPARE(got.size(), count);
            for (std::size_t i = 0; i < count; ++i) {
                const auto a = first + std::size_t(std::floor(double(i) * bucket));
                auto b = first + std::size_t(std::floor(double(i + 1) * bucket));
                b = std::max(b, a + 1);
                const MinMax want = brute(x, a, b);
                if (!same(got[i].min, want.min) || !same(got[i].max, want.max))
                    QFAIL(qPrintable(QStringLiteral("bucket %1 [%2,%3): got %4..%5, want %6..%7")
                                         .arg(i)
                                         .arg(a)
                                         .arg(b)
                                         .arg(got[i].min)
                                         .arg(got[i].max)
                                         .arg(want.min)
                                         .arg(want.max)));
            }
        }
    }

    void randomRanges()
    {
        const std::vector<float> x = makeSignal(300007, 0.01, 3);
        const MinMaxPyramid p(x.data(), x.size());
        std::mt19937 rng(1);
        for (int trial = 0; trial < 3000; ++trial) {
            std::size_t a = rng() % x.size(), b = rng() % (x.size() + 10);
            if (trial % 3 == 0)
                b = a + rng() % 40; // short ranges exercise the raw edges
            const MinMax got = p.range(a, b);
            const MinMax want = brute(x, a, b);
            QVERIFY2(same(got.min, want.min) && same(got.max, want.max),
                     qPrintable(QStringLiteral("[%1,%2)").arg(a).arg(b)));
        }
    }

    void memoryIsSmall()
    {
        // Level 0 holds one pair per 8 samples and each level halves: < 2 * n/8 pairs in all,
        // i.e. at most half the size of the samples themselves.
        const std::vector<float> x(1 << 20, 1.0f);
        const MinMaxPyramid p(x.data(), x.size());
        QVERIFY(p.memoryBytes() <= x.size() * sizeof(float) / 2);
        QVERIFY(p.levelCount() >= 17);
    }
};

QTEST_GUILESS_MAIN(TestPyramid)
#include "tst_pyramid.moc"
