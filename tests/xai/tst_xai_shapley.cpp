// Shapley estimators on games with known answers. Reference values come from closed forms
// (linear, additive, unanimity and symmetric games) or from a separate, deliberately simple
// brute force over all N! player orders (permutation definition of the Shapley value), never
// from the code under test.

#include "xai/exact_shapley.h"
#include "xai/kernel_shap.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

using namespace ecglens::xai;

Q_DECLARE_METATYPE(std::vector<double>)

namespace {

using SetFn = std::function<double(const Coalition&)>;

Game gameOf(int n, SetFn f)
{
    Game g;
    g.players = n;
    g.value = [f](const std::vector<Coalition>& cs) {
        std::vector<double> out;
        for (const auto& c : cs)
            out.push_back(f(c));
        return out;
    };
    return g;
}

// Permutation definition: phi_i = mean over all orders of v(pred(i) + i) - v(pred(i)).
std::vector<double> bruteForcePermutations(int n, const SetFn& f)
{
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::vector<double> phi(n, 0.0);
    double count = 0;
    do {
        Coalition c(n, 0);
        double before = f(c);
        for (int p : order) {
            c[p] = 1;
            const double after = f(c);
            phi[p] += after - before;
            before = after;
        }
        count += 1;
    } while (std::next_permutation(order.begin(), order.end()));
    for (double& x : phi)
        x /= count;
    return phi;
}

// A non-linear game with interactions of several orders, fixed coefficients.
SetFn nonlinearGame(int n)
{
    return [n](const Coalition& c) {
        double lin = 0, pair = 0;
        for (int i = 0; i < n; ++i) {
            lin += c[i] * (0.3 + 0.17 * i - 0.05 * i * (i % 3));
            for (int j = i + 1; j < n; ++j)
                pair += c[i] * c[j] * std::sin(1.0 + i * 0.7 + j * 1.3) * 0.2;
        }
        const int size = int(std::count(c.begin(), c.end(), uint8_t(1)));
        return std::tanh(lin - 1.0) + pair + 0.5 * (n >= 3 && c[0] && c[1] && c[2]) +
               0.1 * std::sqrt(double(size));
    };
}

double maxAbsDiff(const std::vector<double>& a, const std::vector<double>& b)
{
    double m = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        m = std::max(m, std::abs(a[i] - b[i]));
    return a.size() == b.size() ? m : INFINITY;
}

} // namespace

class TestShapley : public QObject
{
    Q_OBJECT

private slots:
    // ---- closed-form games ------------------------------------------------------------------
    void knownAnswers_data()
    {
        QTest::addColumn<QString>("game");
        QTest::addColumn<bool>("kernel");
        QTest::addColumn<int>("budget");
        QTest::addColumn<double>("tolerance");
        for (bool kernel : {false, true}) {
            const char* m = kernel ? "kernel" : "exact";
            // Kernel budgets far below 2^N force the sampling path; linear/additive games are
            // still fitted exactly by weighted least squares, unanimity games are not.
            QTest::newRow(qPrintable(QStringLiteral("linear %1").arg(QLatin1String(m))))
                << QStringLiteral("linear") << kernel << 300 << 1e-9;
            QTest::newRow(qPrintable(QStringLiteral("additive %1").arg(QLatin1String(m))))
                << QStringLiteral("additive") << kernel << 300 << 1e-9;
            // Unanimity and majority games are not additive: KernelSHAP is exact only with the
            // full budget 2^12 - 2 = 4094 (sampled accuracy is tested in kernelVsExact).
            QTest::newRow(qPrintable(QStringLiteral("unanimity %1").arg(QLatin1String(m))))
                << QStringLiteral("unanimity") << kernel << 4094 << (kernel ? 1e-9 : 1e-12);
            QTest::newRow(qPrintable(QStringLiteral("majority %1").arg(QLatin1String(m))))
                << QStringLiteral("majority") << kernel << 4094 << (kernel ? 1e-9 : 1e-12);
        }
    }
    void knownAnswers()
    {
        QFETCH(QString, game);
        QFETCH(bool, kernel);
        QFETCH(int, budget);
        QFETCH(double, tolerance);
        const int n = 12;
        SetFn f;
        std::vector<double> expected(n, 0.0);
        if (game == QLatin1String("linear")) {
            // v(S) = sum_i w_i (S_i ? x_i : b_i) + c  =>  phi_i = w_i (x_i - b_i)
            std::vector<double> w(n), x(n), b(n);
            for (int i = 0; i < n; ++i) {
                w[i] = 0.5 - 0.13 * i;
                x[i] = std::cos(i);
                b[i] = 0.2 * i - 1;
                expected[i] = w[i] * (x[i] - b[i]);
            }
            f = [=](const Coalition& c) {
                double v = 0.7;
                for (int i = 0; i < n; ++i)
                    v += w[i] * (c[i] ? x[i] : b[i]);
                return v;
            };
        } else if (game == QLatin1String("additive")) {
            // v(S) = sum_{i in S} g_i, with arbitrary g_i  =>  phi_i = g_i
            for (int i = 0; i < n; ++i)
                expected[i] = std::exp(0.1 * i) - 1.5;
            f = [=](const Coalition& c) {
                double v = -3.0;
                for (int i = 0; i < n; ++i)
                    v += c[i] ? expected[i] : 0.0;
                return v;
            };
        } else if (game == QLatin1String("unanimity")) {
            // v(S) = 2 if {1, 4, 7} in S: pure 3-way interaction; symmetric players get 2/3,
            // every other player is a dummy and gets 0.
            expected[1] = expected[4] = expected[7] = 2.0 / 3.0;
            f = [](const Coalition& c) { return (c[1] && c[4] && c[7]) ? 2.0 : 0.0; };
        } else {
            // v(S) = 1 if |S| >= 7: all players symmetric, each gets 1/n.
            std::fill(expected.begin(), expected.end(), 1.0 / n);
            f = [](const Coalition& c) {
                return std::count(c.begin(), c.end(), uint8_t(1)) >= 7 ? 1.0 : 0.0;
            };
        }
        const Game g = gameOf(n, f);
        KernelOptions ko;
        ko.budget = budget;
        auto r = kernel ? kernelShap(g, ko) : exactShapley(g);
        QVERIFY2(r.ok(), r.error().c_str());
        QCOMPARE(int(r->values.size()), n);
        for (int i = 0; i < n; ++i)
            QVERIFY2(std::abs(r->values[i] - expected[i]) <= tolerance,
                     qPrintable(QStringLiteral("player %1: %2 vs expected %3")
                                    .arg(i)
                                    .arg(r->values[i], 0, 'g', 12)
                                    .arg(expected[i], 0, 'g', 12)));
        QVERIFY(r->efficient);
        QCOMPARE(r->method, kernel ? ShapleyMethod::Kernel : ShapleyMethod::Exact);
        if (kernel)
            QCOMPARE(r->fullyEnumerated, budget >= 4094); // budget 300: the sampling path ran
    }

    // ---- exact enumeration against the permutation brute force -----------------------------
    void exactVsPermutations_data()
    {
        QTest::addColumn<int>("n");
        QTest::newRow("1 player") << 1;
        QTest::newRow("2 players") << 2;
        QTest::newRow("5 players") << 5;
        QTest::newRow("7 players") << 7;
    }
    void exactVsPermutations()
    {
        QFETCH(int, n);
        const SetFn f = nonlinearGame(n);
        const std::vector<double> reference = bruteForcePermutations(n, f);
        ExactOptions o;
        o.chunkSize = 7; // odd chunking must not matter
        auto r = exactShapley(gameOf(n, f), o);
        QVERIFY2(r.ok(), r.error().c_str());
        QVERIFY2(maxAbsDiff(r->values, reference) < 1e-12,
                 qPrintable(QString::number(maxAbsDiff(r->values, reference))));
        QCOMPARE(r->evaluations, (1LL << n) + 2);
        QVERIFY(r->efficiencyError < kExactEfficiencyTolerance);
        QVERIFY(r->efficient);
    }

    // ---- KernelSHAP against exact enumeration ---------------------------------------------
    void kernelVsExact_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("budget");
        QTest::addColumn<double>("maxError");
        QTest::addColumn<bool>("enumerated");
        // Default budget (2n + 2048) covers all 1022 coalitions of 10 players: KernelSHAP's
        // weighted regression then reproduces the exact values.
        QTest::newRow("10 players, default budget") << 10 << 0 << 0.01 << true;
        // Budgets that force sampling. This game has strong interactions between every pair of
        // players, a hard case; measured over 20 seeds the worst error was 0.055 (10 players,
        // budget 600) and 0.060 (16 players, default budget), with mean (error / reported SE)^2
        // of 1.3 and 1.04, i.e. the standard errors are calibrated.
        QTest::newRow("10 players, budget 600") << 10 << 600 << 0.1 << false;
        QTest::newRow("10 players, budget 200") << 10 << 200 << 0.25 << false;
        QTest::newRow("16 players, default budget") << 16 << 0 << 0.1 << false;
    }
    void kernelVsExact()
    {
        QFETCH(int, n);
        QFETCH(int, budget);
        QFETCH(double, maxError);
        QFETCH(bool, enumerated);
        const Game g = gameOf(n, nonlinearGame(n));
        ExactOptions eo;
        eo.maxPlayers = 16;
        auto exact = exactShapley(g, eo);
        QVERIFY2(exact.ok(), exact.error().c_str());
        KernelOptions ko;
        ko.budget = budget;
        auto k = kernelShap(g, ko);
        QVERIFY2(k.ok(), k.error().c_str());
        QCOMPARE(k->fullyEnumerated, enumerated);
        const double err = maxAbsDiff(k->values, exact->values);
        qInfo("n=%d budget=%d evaluations=%lld max|kernel-exact|=%.3g", n, k->budget,
              k->evaluations, err);
        QVERIFY2(err < maxError, qPrintable(QString::number(err)));
        QVERIFY(k->efficiencyError < kKernelEfficiencyTolerance);
        QVERIFY(k->efficient);
        if (!enumerated) {
            // The reported standard errors must be informative: positive, and the actual errors
            // mostly within 3 of them.
            int within = 0;
            for (int i = 0; i < n; ++i) {
                QVERIFY(k->standardErrors[i] > 0);
                within +=
                    std::abs(k->values[i] - exact->values[i]) <= 3 * k->standardErrors[i] + 1e-9;
            }
            QVERIFY2(within >= n - 1, qPrintable(QStringLiteral("%1 of %2").arg(within).arg(n)));
        }
    }

    void kernelDeterministicForSeed()
    {
        const Game g = gameOf(20, nonlinearGame(20));
        KernelOptions a;
        a.budget = 500;
        a.seed = 42;
        auto r1 = kernelShap(g, a);
        auto r2 = kernelShap(g, a);
        QVERIFY(r1.ok() && r2.ok());
        QVERIFY(r1->values == r2->values);
        QVERIFY(r1->standardErrors == r2->standardErrors);
        a.seed = 43;
        auto r3 = kernelShap(g, a);
        QVERIFY(r3.ok());
        QVERIFY(r1->values != r3->values);
    }

    void kernelEnumeratesSmallSizesFirst()
    {
        // 20 players, budget 500: sizes 1 and 19 (40 coalitions) and 2 and 18 (380) fit
        // completely, the rest are sampled; the evaluation count is the budget plus the 2 ends.
        int sizeOne = 0;
        int calls = 0;
        Game g = gameOf(20, nonlinearGame(20));
        auto inner = g.value;
        g.value = [&](const std::vector<Coalition>& cs) {
            ++calls;
            for (const auto& c : cs)
                sizeOne += std::count(c.begin(), c.end(), uint8_t(1)) == 1;
            return inner(cs);
        };
        KernelOptions o;
        o.budget = 500;
        o.chunkSize = 128;
        auto r = kernelShap(g, o);
        QVERIFY(r.ok());
        QCOMPARE(sizeOne, 20);
        QCOMPARE(r->evaluations, 502LL);
        QCOMPARE(calls, 1 + 4); // ends + ceil(500 / 128) chunks
    }

    // ---- the run-time checks never hide a failure ------------------------------------------
    void efficiencyFailureIsReported_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<double>("drift");
        QTest::addColumn<bool>("expectEfficient");
        QTest::newRow("no drift") << 8 << 0.0 << true;
        QTest::newRow("drift 1e-6 per player (within 1e-4)") << 8 << 1e-6 << true;
        QTest::newRow("drift 1e-3 per player") << 8 << 1e-3 << false;
        QTest::newRow("drift 1e-2 per player, 12 players") << 12 << 1e-2 << false;
    }
    void efficiencyFailureIsReported()
    {
        QFETCH(int, n);
        QFETCH(double, drift);
        QFETCH(bool, expectEfficient);
        // A model whose batched outputs differ from its one-off outputs (like a network left in
        // training mode): v_batch(S) = v(S) + drift * |S|. Exact values then sum to
        // f(x) - f(base) + drift * n, and the check against the separately evaluated ends
        // must say so.
        Game g = gameOf(n, nonlinearGame(n));
        auto inner = g.value;
        g.value = [inner, drift](const std::vector<Coalition>& cs) {
            auto v = inner(cs);
            if (cs.size() > 2)
                for (std::size_t i = 0; i < v.size(); ++i)
                    v[i] += drift * double(std::count(cs[i].begin(), cs[i].end(), uint8_t(1)));
            return v;
        };
        auto r = exactShapley(g);
        QVERIFY(r.ok()); // the estimate is still returned, flagged
        QVERIFY(std::abs(r->efficiencyError - drift * n) < 1e-9);
        QCOMPARE(r->efficient, expectEfficient);
        QCOMPARE(efficiencyMessage(*r).empty(), expectEfficient);

        // KernelSHAP enforces sum(phi) = f(x) - f(base) by construction.
        KernelOptions ko;
        ko.budget = 100;
        auto k = kernelShap(g, ko);
        QVERIFY(k.ok());
        QVERIFY(k->efficiencyError < 1e-9);
        QVERIFY(k->efficient);
    }

    void badValueFunctionsFail_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("NaN") << 0;
        QTest::newRow("too few outputs") << 1;
    }
    void badValueFunctionsFail()
    {
        QFETCH(int, mode);
        Game g;
        g.players = 16;
        g.value = [mode](const std::vector<Coalition>& cs) {
            std::vector<double> v(cs.size(), 1.0);
            if (cs.size() > 2) {
                if (mode == 0)
                    v[1] = NAN;
                else
                    v.pop_back();
            }
            return v;
        };
        QVERIFY(!exactShapley(g, ExactOptions{16, 512, 1e-4}).ok());
        QVERIFY(!kernelShap(g).ok());
        Game tooBig = g;
        tooBig.players = 15;
        QVERIFY(!exactShapley(tooBig).ok()); // 15 > default max 14
    }

    void cancellation()
    {
        const Game g = gameOf(12, nonlinearGame(12));
        int calls = 0;
        auto r = exactShapley(g, ExactOptions{14, 256, 1e-4}, [&](double) { return ++calls < 3; });
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.error()), QStringLiteral("cancelled"));
    }

    void probabilityScale()
    {
        ShapleyResult r;
        r.baseValue = -1.0;
        r.fullValue = 2.0;
        r.values = {2.5, 1.0, -0.5};
        const auto p = probabilityContributions(r);
        const double sum = p[0] + p[1] + p[2];
        // 1/(1+e^-2) - 1/(1+e^1)
        QVERIFY(std::abs(sum - (0.8807970779778823 - 0.2689414213699951)) < 1e-12);
        QVERIFY(std::abs(p[0] / p[1] - 2.5) < 1e-12); // proportional
        // Platt-calibrated: g = 2 f + 0.5 -> sigmoid(4.5) - sigmoid(-1.5)
        const auto q = probabilityContributions(r, 2.0, 0.5);
        QVERIFY(std::abs(q[0] + q[1] + q[2] - (0.9890130573694068 - 0.18242552380635635)) < 1e-12);
        QVERIFY(std::abs(sigmoid(0.0) - 0.5) < 1e-15);
        QVERIFY(std::abs(sigmoid(-800.0)) < 1e-300);
    }
};

QTEST_GUILESS_MAIN(TestShapley)
#include "tst_xai_shapley.moc"
