#include "dsp/filters.h"
#include "dsp/signal_kind.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstring>
#include <memory>
#include <numeric>

namespace ecglens::dsp {

namespace {

using Complex = std::complex<double>;
constexpr double kPi = 3.14159265358979323846;

std::vector<double> toDouble(const std::vector<float>& x)
{
    return std::vector<double>(x.begin(), x.end());
}

std::vector<float> toFloat(const std::vector<double>& x)
{
    std::vector<float> out(x.size());
    std::transform(x.begin(), x.end(), out.begin(), [](double v) { return float(v); });
    return out;
}

/// Groups digital zeros and poles into sections: each pole (one per conjugate pair) takes the
/// nearest remaining zeros, poles closest to the unit circle last (scipy's "nearest" pairing).
std::vector<Biquad> zpkToSos(std::vector<Complex> zeros, std::vector<Complex> poles, double gain)
{
    std::vector<Complex> upper; // one of each conjugate pair, and real poles
    for (const Complex& p : poles)
        if (p.imag() >= -1e-14)
            upper.push_back(p);
    std::sort(upper.begin(), upper.end(), [](const Complex& a, const Complex& b) {
        return std::abs(1.0 - std::abs(a)) > std::abs(1.0 - std::abs(b));
    });
    // Real poles come in pairs into one section where possible.
    std::vector<std::vector<Complex>> groups;
    std::vector<Complex> reals;
    for (const Complex& p : upper) {
        if (std::abs(p.imag()) > 1e-14)
            groups.push_back({p, std::conj(p)});
        else
            reals.push_back(p);
    }
    for (std::size_t i = 0; i < reals.size(); i += 2) {
        if (i + 1 < reals.size())
            groups.push_back({reals[i], reals[i + 1]});
        else
            groups.push_back({reals[i]});
    }
    std::vector<Biquad> sos;
    for (const auto& g : groups) {
        std::vector<Complex> z;
        for (std::size_t k = 0; k < g.size() && !zeros.empty(); ++k) {
            auto it = std::min_element(zeros.begin(), zeros.end(), [&](auto& a, auto& b) {
                return std::abs(a - g[0]) < std::abs(b - g[0]);
            });
            z.push_back(*it);
            zeros.erase(it);
        }
        Biquad s;
        if (g.size() == 2) {
            s.a1 = -(g[0] + g[1]).real();
            s.a2 = (g[0] * g[1]).real();
        } else {
            s.a1 = -g[0].real();
            s.a2 = 0.0;
        }
        if (z.size() == 2) {
            s.b0 = 1.0;
            s.b1 = -(z[0] + z[1]).real();
            s.b2 = (z[0] * z[1]).real();
        } else if (z.size() == 1) {
            s.b0 = 1.0;
            s.b1 = -z[0].real();
            s.b2 = 0.0;
        }
        sos.push_back(s);
    }
    if (!sos.empty()) {
        sos.front().b0 *= gain;
        sos.front().b1 *= gain;
        sos.front().b2 *= gain;
    }
    return sos;
}

/// scipy.signal.lfilter_zi for one section: steady state of a unit step.
std::pair<double, double> sectionZi(const Biquad& s)
{
    // (I - A^T) zi = B with A the companion matrix of [1 a1 a2].
    const double m00 = 1.0 + s.a1, m01 = -1.0, m10 = s.a2, m11 = 1.0;
    const double r0 = s.b1 - s.a1 * s.b0, r1 = s.b2 - s.a2 * s.b0;
    const double det = m00 * m11 - m01 * m10;
    return {(r0 * m11 - m01 * r1) / det, (m00 * r1 - m10 * r0) / det};
}

/// Cascade of NS sections over n samples starting at p with stride step (-1 = backwards).
/// zi * x0 is the initial state. State lives in local arrays so the compiler keeps it in registers.
template <std::size_t NS>
void cascadeFixed(const Biquad* sos, const std::pair<double, double>* zi, double x0, double* p,
                  std::ptrdiff_t n, std::ptrdiff_t step)
{
    double b0[NS], b1[NS], b2[NS], a1[NS], a2[NS], z0[NS], z1[NS];
    for (std::size_t s = 0; s < NS; ++s) {
        b0[s] = sos[s].b0;
        b1[s] = sos[s].b1;
        b2[s] = sos[s].b2;
        a1[s] = sos[s].a1;
        a2[s] = sos[s].a2;
        z0[s] = zi[s].first * x0;
        z1[s] = zi[s].second * x0;
    }
    for (std::ptrdiff_t i = 0; i < n; ++i, p += step) {
        double in = *p;
        // Fully unrolled so the states stay in registers (GCC -O2 keeps the rolled loop's arrays
        // on the stack, putting a store-load round trip on the recursion's critical path).
#pragma GCC unroll 8
        for (std::size_t s = 0; s < NS; ++s) {
            const double out = b0[s] * in + z0[s];
            z0[s] = b1[s] * in - a1[s] * out + z1[s];
            z1[s] = b2[s] * in - a2[s] * out;
            in = out;
        }
        *p = in;
    }
}

/// cascadeFixed on W interleaved lanes (data[i * W + w]); x0[w] = first input of lane w. The
/// lanes are independent and run in one vector (GCC/Clang vector extension): with AVX one ymm
/// register holds 4 lanes, with plain SSE2 the compiler splits it into xmm pairs. Same
/// arithmetic in the same order as the scalar cascade (no FMA), so the values are identical.
template <std::size_t NS, std::size_t W>
[[gnu::always_inline]] inline void
cascadeLanes(const Biquad* sos, const std::pair<double, double>* zi, const double* x0, double* data,
             std::ptrdiff_t n, bool reverse)
{
    typedef double Vec __attribute__((vector_size(W * sizeof(double))));
    Vec b0[NS], b1[NS], b2[NS], a1[NS], a2[NS], z0[NS], z1[NS];
    for (std::size_t s = 0; s < NS; ++s) {
        for (std::size_t w = 0; w < W; ++w) {
            b0[s][w] = sos[s].b0;
            b1[s][w] = sos[s].b1;
            b2[s][w] = sos[s].b2;
            a1[s][w] = sos[s].a1;
            a2[s][w] = sos[s].a2;
            z0[s][w] = zi[s].first * x0[w];
            z1[s][w] = zi[s].second * x0[w];
        }
    }
    double* p = reverse ? data + (n - 1) * std::ptrdiff_t(W) : data;
    const std::ptrdiff_t step = reverse ? -std::ptrdiff_t(W) : std::ptrdiff_t(W);
    for (std::ptrdiff_t i = 0; i < n; ++i, p += step) {
        Vec in;
        std::memcpy(&in, p, sizeof in);
        // Fully unrolled: see cascadeFixed.
#pragma GCC unroll 8
        for (std::size_t s = 0; s < NS; ++s) {
            const Vec out = b0[s] * in + z0[s];
            z0[s] = b1[s] * in - a1[s] * out + z1[s];
            z1[s] = b2[s] * in - a2[s] * out;
            in = out;
        }
        std::memcpy(p, &in, sizeof in);
    }
}

/// Runs cascadeLanes<k, W> for chunks of up to MaxNS sections (one sweep over the data per chunk;
/// fewer sweeps means more independent recursions in flight per sample).
template <std::size_t W, std::size_t MaxNS>
[[gnu::always_inline]] inline void runLanes(const std::vector<Biquad>& sos,
                                            const std::vector<std::pair<double, double>>& zi,
                                            double* data, std::ptrdiff_t n, bool reverse)
{
    double x0[W];
    const double* first = reverse ? data + (n - 1) * std::ptrdiff_t(W) : data;
    for (std::size_t w = 0; w < W; ++w)
        x0[w] = first[w];
    for (std::size_t s = 0; s < sos.size();) {
        const std::size_t k = std::min<std::size_t>(MaxNS, sos.size() - s);
        switch (k) {
        case 1:
            cascadeLanes<1, W>(&sos[s], &zi[s], x0, data, n, reverse);
            break;
        case 2:
            cascadeLanes<2, W>(&sos[s], &zi[s], x0, data, n, reverse);
            break;
        case 3:
            cascadeLanes<3, W>(&sos[s], &zi[s], x0, data, n, reverse);
            break;
        case 4:
            cascadeLanes<4, W>(&sos[s], &zi[s], x0, data, n, reverse);
            break;
        case 5:
            cascadeLanes<5, W>(&sos[s], &zi[s], x0, data, n, reverse);
            break;
        case 6:
            cascadeLanes<6, W>(&sos[s], &zi[s], x0, data, n, reverse);
            break;
        case 7:
            cascadeLanes<7, W>(&sos[s], &zi[s], x0, data, n, reverse);
            break;
        default:
            cascadeLanes<8, W>(&sos[s], &zi[s], x0, data, n, reverse);
            break;
        }
        s += k;
    }
}

/// Forward or backward pass of the cascade over W interleaved lanes, in AVX encoding where the
/// CPU has it (3-operand instructions, 4 lanes per register) and plain SSE2 otherwise.
template <std::size_t W>
void runLanesSse2(const std::vector<Biquad>& sos, const std::vector<std::pair<double, double>>& zi,
                  double* data, std::ptrdiff_t n, bool reverse)
{
    // Without AVX a 4-lane vector is two xmm registers: 4 sections at most keep them in registers.
    runLanes<W, W == 2 ? 8 : 4>(sos, zi, data, n, reverse);
}

template <std::size_t W>
__attribute__((target("avx"))) void runLanesAvx(const std::vector<Biquad>& sos,
                                                const std::vector<std::pair<double, double>>& zi,
                                                double* data, std::ptrdiff_t n, bool reverse)
{
    runLanes<W, 8>(sos, zi, data, n, reverse);
}

template <std::size_t W>
void runLanesBest(const std::vector<Biquad>& sos, const std::vector<std::pair<double, double>>& zi,
                  double* data, std::ptrdiff_t n, bool reverse)
{
    static const bool avx = __builtin_cpu_supports("avx");
    if (avx)
        runLanesAvx<W>(sos, zi, data, n, reverse);
    else
        runLanesSse2<W>(sos, zi, data, n, reverse);
}

/// Runs the cascade over x forwards or backwards, states initialised to zi * first sample.
void runCascade(const std::vector<Biquad>& sos, const std::vector<std::pair<double, double>>& zi,
                std::vector<double>& x, bool reverse)
{
    if (x.empty() || sos.empty())
        return;
    const std::ptrdiff_t n = std::ptrdiff_t(x.size());
    double* p = reverse ? x.data() + n - 1 : x.data();
    const std::ptrdiff_t step = reverse ? -1 : 1;
    const double x0 = *p; // zi of every section is relative to the cascade's first input
    // Sections are processed in chunks of up to 4 (an exact regrouping of the same cascade).
    std::size_t s = 0;
    while (s < sos.size()) {
        const std::size_t k = std::min<std::size_t>(4, sos.size() - s);
        const std::pair<double, double>* zk = zi.data() + s;
        switch (k) {
        case 1:
            cascadeFixed<1>(&sos[s], zk, x0, p, n, step);
            break;
        case 2:
            cascadeFixed<2>(&sos[s], zk, x0, p, n, step);
            break;
        case 3:
            cascadeFixed<3>(&sos[s], zk, x0, p, n, step);
            break;
        default:
            cascadeFixed<4>(&sos[s], zk, x0, p, n, step);
            break;
        }
        s += k;
    }
}

std::vector<std::pair<double, double>> sosZi(const std::vector<Biquad>& sos)
{
    std::vector<std::pair<double, double>> zi;
    double scale = 1.0;
    for (const Biquad& s : sos) {
        auto [a, b] = sectionZi(s);
        zi.emplace_back(scale * a, scale * b);
        scale *= (s.b0 + s.b1 + s.b2) / (1.0 + s.a1 + s.a2);
    }
    return zi;
}

std::vector<float> filtFloat(const std::vector<Biquad>& sos, const std::vector<float>& x)
{
    if (sos.empty())
        return x;
    return toFloat(sosFiltFilt(sos, toDouble(x)));
}

double besselI0(double v)
{
    // Power series; converges quickly for the small arguments of a beta-5 Kaiser window.
    double sum = 1.0, term = 1.0;
    const double q = v * v / 4.0;
    for (int k = 1; k < 200; ++k) {
        term *= q / (double(k) * double(k));
        sum += term;
        if (term < sum * 1e-17)
            break;
    }
    return sum;
}

} // namespace

std::vector<Biquad> butterworth(int order, FilterKind kind, double fsHz, double lowHz,
                                double highHz)
{
    if (order < 1 || fsHz <= 0)
        return {};
    // Analogue prototype poles.
    std::vector<Complex> p;
    for (int m = -order + 1; m < order; m += 2)
        p.push_back(-std::exp(Complex(0.0, kPi * double(m) / (2.0 * order))));
    std::vector<Complex> z;
    double k = 1.0;
    const double fs = 2.0; // scipy designs on normalised frequency with fs = 2
    auto warp = [&](double hz) { return 2.0 * fs * std::tan(kPi * (2.0 * hz / fsHz) / fs); };
    if (kind == FilterKind::LowPass) {
        const double wo = warp(lowHz);
        for (auto& v : p)
            v *= wo;
        k *= std::pow(wo, double(p.size()));
    } else if (kind == FilterKind::HighPass) {
        const double wo = warp(lowHz);
        Complex prodP(1.0, 0.0);
        for (auto& v : p) {
            prodP *= -v;
            v = wo / v;
        }
        z.assign(p.size(), Complex(0.0, 0.0));
        k *= (Complex(1.0, 0.0) / prodP).real();
    } else {
        const double w1 = warp(lowHz), w2 = warp(highHz);
        const double wo = std::sqrt(w1 * w2), bw = w2 - w1;
        std::vector<Complex> pb;
        for (auto& v : p) {
            const Complex lp = v * bw / 2.0;
            const Complex root = std::sqrt(lp * lp - wo * wo);
            pb.push_back(lp + root);
            pb.push_back(lp - root);
        }
        k *= std::pow(bw, double(p.size()));
        z.assign(p.size(), Complex(0.0, 0.0));
        p = pb;
    }
    // Bilinear transform.
    const double fs2 = 2.0 * fs;
    Complex num(1.0, 0.0), den(1.0, 0.0);
    std::vector<Complex> zd, pd;
    for (const auto& v : z) {
        zd.push_back((fs2 + v) / (fs2 - v));
        num *= fs2 - v;
    }
    for (const auto& v : p) {
        pd.push_back((fs2 + v) / (fs2 - v));
        den *= fs2 - v;
    }
    while (zd.size() < pd.size())
        zd.emplace_back(-1.0, 0.0);
    k *= (num / den).real();
    return zpkToSos(zd, pd, k);
}

Biquad iirNotch(double fsHz, double freqHz, double quality)
{
    const double w0 = 2.0 * freqHz / fsHz;
    const double bw = w0 / quality * kPi;
    const double beta = std::tan(bw / 2.0); // gb = 1/sqrt(2) makes sqrt(1-gb^2)/gb = 1
    const double gain = 1.0 / (1.0 + beta);
    const double c = std::cos(w0 * kPi);
    Biquad s;
    s.b0 = gain;
    s.b1 = -2.0 * c * gain;
    s.b2 = gain;
    s.a1 = -2.0 * gain * c;
    s.a2 = 2.0 * gain - 1.0;
    return s;
}

void sosFilter(const std::vector<Biquad>& sos, std::vector<double>& x)
{
    std::vector<std::pair<double, double>> zero(sos.size(), {0.0, 0.0});
    runCascade(sos, zero, x, false);
}

bool bridgeNaN(std::vector<double>& x)
{
    // Fast path: nothing to bridge (a read-only scan, no stores).
    bool anyNaN = false;
    for (double v : x)
        anyNaN |= std::isnan(v);
    if (!anyNaN)
        return !x.empty();
    const std::ptrdiff_t n = std::ptrdiff_t(x.size());
    std::ptrdiff_t last = -1;
    for (std::ptrdiff_t i = 0; i < n; ++i) {
        if (std::isnan(x[std::size_t(i)]))
            continue;
        if (last < 0) {
            for (std::ptrdiff_t j = 0; j < i; ++j)
                x[std::size_t(j)] = x[std::size_t(i)];
        } else if (i - last > 1) {
            const double a = x[std::size_t(last)], b = x[std::size_t(i)];
            for (std::ptrdiff_t j = last + 1; j < i; ++j)
                x[std::size_t(j)] = a + (b - a) * double(j - last) / double(i - last);
        }
        last = i;
    }
    if (last < 0)
        return false;
    for (std::ptrdiff_t j = last + 1; j < n; ++j)
        x[std::size_t(j)] = x[std::size_t(last)];
    return true;
}

std::vector<double> sosFiltFilt(const std::vector<Biquad>& sos, const std::vector<double>& input)
{
    const std::size_t n = input.size();
    if (sos.empty() || n < 2)
        return input;
    std::vector<double> x = input;
    const bool hasNaN = std::any_of(x.begin(), x.end(), [](double v) { return std::isnan(v); });
    if (hasNaN && !bridgeNaN(x))
        return input;
    std::size_t zb = 0, za = 0;
    for (const Biquad& s : sos) {
        zb += s.b2 == 0.0;
        za += s.a2 == 0.0;
    }
    std::size_t edge = 3 * (2 * sos.size() + 1 - std::min(zb, za));
    edge = std::min(edge, n - 1);
    std::vector<double> ext(n + 2 * edge);
    for (std::size_t i = 0; i < edge; ++i) {
        ext[i] = 2.0 * x[0] - x[edge - i];
        ext[n + edge + i] = 2.0 * x[n - 1] - x[n - 2 - i];
    }
    std::copy(x.begin(), x.end(), ext.begin() + std::ptrdiff_t(edge));
    const auto zi = sosZi(sos);
    runCascade(sos, zi, ext, false);
    runCascade(sos, zi, ext, true);
    std::vector<double> y(ext.begin() + std::ptrdiff_t(edge),
                          ext.begin() + std::ptrdiff_t(edge + n));
    if (hasNaN)
        for (std::size_t i = 0; i < n; ++i)
            if (std::isnan(input[i]))
                y[i] = std::nan("");
    return y;
}

namespace {

/// sosFiltFilt of count equally long NaN-free signals in[l] (n >= 2 samples each) into out[l]
/// (may alias in[l]): up to 4 at a time interleaved in one buffer, read from and written to the
/// caller's element type directly (float leads need no double copies; same values).
template <typename In, typename Out>
void filtFiltInterleaved(const std::vector<Biquad>& sos, const In* const* in, Out* const* out,
                         std::size_t count, std::size_t n)
{
    std::size_t zb = 0, za = 0;
    for (const Biquad& s : sos) {
        zb += s.b2 == 0.0;
        za += s.a2 == 0.0;
    }
    const std::size_t edge = std::min(3 * (2 * sos.size() + 1 - std::min(zb, za)), n - 1);
    const std::size_t m = n + 2 * edge;
    const auto zi = sosZi(sos);
    constexpr std::size_t kW = 4;
    // Every element is written before it is read: no zero-filling of the (large) buffer.
    const std::unique_ptr<double[]> buf(new double[m * (count <= 2 ? 2 : kW)]);
    for (std::size_t g = 0; g < count; g += kW) {
        const std::size_t lanes = std::min(kW, count - g);
        const std::size_t w = lanes <= 2 ? 2 : 4;
        // Odd extension as in sosFiltFilt; unused lanes repeat the group's first signal.
        for (std::size_t l = 0; l < w; ++l) {
            const In* x = in[g + (l < lanes ? l : 0)];
            double* q = buf.get() + l;
            const double first = double(x[0]), last = double(x[n - 1]);
            for (std::size_t i = 0; i < edge; ++i) {
                q[i * w] = 2.0 * first - double(x[edge - i]);
                q[(n + edge + i) * w] = 2.0 * last - double(x[n - 2 - i]);
            }
            for (std::size_t i = 0; i < n; ++i)
                q[(edge + i) * w] = double(x[i]);
        }
        for (bool reverse : {false, true}) {
            if (w == 2)
                runLanesBest<2>(sos, zi, buf.get(), std::ptrdiff_t(m), reverse);
            else
                runLanesBest<4>(sos, zi, buf.get(), std::ptrdiff_t(m), reverse);
        }
        for (std::size_t l = 0; l < lanes; ++l) {
            Out* y = out[g + l];
            const double* q = buf.get() + l + edge * w;
            for (std::size_t i = 0; i < n; ++i)
                y[i] = Out(q[i * w]);
        }
    }
}

} // namespace

void sosFiltFiltMany(const std::vector<Biquad>& sos, std::vector<std::vector<double>>& signals)
{
    if (sos.empty() || signals.empty())
        return;
    const std::size_t n = signals[0].size();
    bool plain = n >= 2;
    for (const auto& x : signals)
        plain = plain && x.size() == n &&
                std::none_of(x.begin(), x.end(), [](double v) { return std::isnan(v); });
    if (!plain || signals.size() == 1) {
        for (auto& x : signals)
            x = sosFiltFilt(sos, x);
        return;
    }
    std::vector<double*> p;
    for (auto& x : signals)
        p.push_back(x.data());
    filtFiltInterleaved(sos, p.data(), p.data(), p.size(), n);
}

std::pair<int, int> rationalRatio(double fromHz, double toHz)
{
    if (fromHz <= 0 || toHz <= 0)
        return {1, 1};
    const double r = toHz / fromHz;
    // Continued-fraction convergents p/q of r with q and p <= 1000.
    long long p0 = 0, q0 = 1, p1 = 1, q1 = 0;
    double v = r;
    for (int it = 0; it < 64; ++it) {
        const double a = std::floor(v);
        const long long p2 = (long long)a * p1 + p0, q2 = (long long)a * q1 + q0;
        if (q2 > 1000 || p2 > 1000)
            break;
        p0 = p1;
        q0 = q1;
        p1 = p2;
        q1 = q2;
        if (std::abs(double(p1) / double(q1) - r) < 1e-12 * r)
            break;
        const double frac = v - a;
        if (frac < 1e-12)
            break;
        v = 1.0 / frac;
    }
    if (q1 == 0 || p1 == 0)
        return {1, 1};
    const long long g = std::gcd(p1, q1);
    return {int(p1 / g), int(q1 / g)};
}

std::vector<double> resamplePoly(const std::vector<double>& input, int up, int down)
{
    if (up < 1 || down < 1 || input.empty())
        return input;
    const int g = std::gcd(up, down);
    up /= g;
    down /= g;
    if (up == 1 && down == 1)
        return input;
    std::vector<double> x = input;
    const bool hasNaN = std::any_of(x.begin(), x.end(), [](double v) { return std::isnan(v); });
    if (hasNaN && !bridgeNaN(x))
        return std::vector<double>(
            std::size_t((input.size() * std::size_t(up) + std::size_t(down) - 1) /
                        std::size_t(down)),
            std::nan(""));
    const long long nIn = (long long)x.size();
    const long long nOut = (nIn * up + down - 1) / down;
    // firwin(2*half_len+1, 1/max_rate, window=("kaiser", 5.0)) scaled by up.
    const int maxRate = std::max(up, down);
    const long long halfLen = 10LL * maxRate;
    const long long taps = 2 * halfLen + 1;
    const double fc = 1.0 / maxRate, beta = 5.0, i0b = besselI0(beta);
    std::vector<double> h(static_cast<std::size_t>(taps));
    double sum = 0.0;
    for (long long i = 0; i < taps; ++i) {
        const double m = double(i) - 0.5 * double(taps - 1);
        const double arg = kPi * fc * m;
        const double sinc = m == 0.0 ? 1.0 : std::sin(arg) / arg;
        const double t = 2.0 * double(i) / double(taps - 1) - 1.0;
        const double w = besselI0(beta * std::sqrt(std::max(0.0, 1.0 - t * t))) / i0b;
        h[std::size_t(i)] = fc * sinc * w;
        sum += h[std::size_t(i)];
    }
    const long long nPrePad = down - halfLen % down;
    const long long nPreRemove = (halfLen + nPrePad) / down;
    std::vector<double> hp(std::size_t(nPrePad + taps), 0.0);
    for (long long i = 0; i < taps; ++i)
        hp[std::size_t(nPrePad + i)] = h[std::size_t(i)] / sum * up;
    const long long len = (long long)hp.size();
    std::vector<double> y(static_cast<std::size_t>(nOut));
    for (long long m = 0; m < nOut; ++m) {
        const long long i = (m + nPreRemove) * down; // index in the upsampled, filtered signal
        double acc = 0.0;
        // k = i - j*up for input index j: k in [0, len), j in [0, nIn).
        long long jHi = std::min(nIn - 1, i / up);
        long long jLo = std::max(0LL, (i - len + 1 + up - 1) / up);
        if (i - len + 1 <= 0)
            jLo = 0;
        for (long long j = jLo; j <= jHi; ++j)
            acc += hp[std::size_t(i - j * up)] * x[std::size_t(j)];
        y[std::size_t(m)] = acc;
    }
    if (hasNaN)
        for (long long m = 0; m < nOut; ++m) {
            const long long j = std::min(nIn - 1, (long long)std::llround(double(m) * down / up));
            if (std::isnan(input[std::size_t(j)]))
                y[std::size_t(m)] = std::nan("");
        }
    return y;
}

std::vector<float> highPass(const std::vector<float>& x, double fsHz, double cutoffHz, int order)
{
    if (cutoffHz <= 0 || cutoffHz >= fsHz / 2)
        return x;
    return filtFloat(butterworth(order, FilterKind::HighPass, fsHz, cutoffHz), x);
}

std::vector<float> lowPass(const std::vector<float>& x, double fsHz, double cutoffHz, int order)
{
    if (cutoffHz <= 0 || cutoffHz >= fsHz / 2)
        return x;
    return filtFloat(butterworth(order, FilterKind::LowPass, fsHz, cutoffHz), x);
}

std::vector<float> notch(const std::vector<float>& x, double fsHz, double mainsHz, bool harmonics,
                         double quality)
{
    if (mainsHz <= 0 || fsHz <= 0)
        return x;
    // One scipy.signal.filtfilt(iirnotch) per harmonic, applied in turn.
    std::vector<double> y = toDouble(x);
    for (int k = 1; double(k) * mainsHz < fsHz / 2.0; ++k) {
        y = sosFiltFilt({iirNotch(fsHz, k * mainsHz, quality)}, y);
        if (!harmonics)
            break;
    }
    return toFloat(y);
}

std::vector<float> resample(const std::vector<float>& x, double fromHz, double toHz)
{
    const auto [up, down] = rationalRatio(fromHz, toHz);
    return toFloat(resamplePoly(toDouble(x), up, down));
}

std::optional<Recording> condition(const Recording& recording, const ConditionOptions& options,
                                   const ProgressFn& progress)
{
    Recording out = recording;
    const std::size_t nLeads = out.leads.size();
    std::vector<bool> done(nLeads, false);
    for (std::size_t l = 0; l < nLeads; ++l) {
        if (done[l] || !mayBeEcg(out.leads[l]))
            continue; // ECG conditioning; a pressure or respiration keeps its mean and shape
        if (progress && !progress(double(l) / double(std::max<std::size_t>(1, nLeads))))
            return std::nullopt;
        const double fs = out.leads[l].fsHz > 0 ? out.leads[l].fsHz : recording.fsHz;
        const std::size_t n = out.leads[l].samples.size();
        done[l] = true;
        if (fs <= 0 || n < 2)
            continue;
        // One cascade (high-pass, notches, low-pass) in a single forward-backward pass, run on
        // every lead with the same rate and length at once.
        std::vector<Biquad> sos;
        if (options.baseline && options.baselineCutoffHz > 0 && options.baselineCutoffHz < fs / 2)
            for (const Biquad& b :
                 butterworth(2, FilterKind::HighPass, fs, options.baselineCutoffHz))
                sos.push_back(b);
        if (options.mains && options.mainsHz > 0)
            for (int k = 1; double(k) * options.mainsHz < fs / 2.0; ++k)
                sos.push_back(iirNotch(fs, k * options.mainsHz, 30.0));
        if (options.lowPassHz && *options.lowPassHz > 0 && *options.lowPassHz < fs / 2)
            for (const Biquad& b : butterworth(4, FilterKind::LowPass, fs, *options.lowPassHz))
                sos.push_back(b);
        std::vector<std::size_t> group = {l};
        for (std::size_t o = l + 1; o < nLeads; ++o) {
            const double fo = out.leads[o].fsHz > 0 ? out.leads[o].fsHz : recording.fsHz;
            if (!done[o] && fo == fs && out.leads[o].samples.size() == n &&
                mayBeEcg(out.leads[o])) {
                group.push_back(o);
                done[o] = true;
            }
        }
        // NaN-free leads are filtered straight from and into their float samples (lanes of one
        // interleaved pass); leads with NaN gaps are bridged and restored by sosFiltFilt.
        std::vector<float*> plain;
        for (std::size_t g : group) {
            Lead& lead = out.leads[g];
            lead.digital.clear(); // filtered values no longer correspond to stored integers
            if (sos.empty())
                continue;
            auto& x = lead.samples;
            if (std::none_of(x.begin(), x.end(), [](float v) { return std::isnan(v); }))
                plain.push_back(x.data());
            else
                x = filtFloat(sos, x);
        }
        if (!plain.empty())
            filtFiltInterleaved(sos, plain.data(), plain.data(), plain.size(), n);
    }
    if (progress && !progress(1.0))
        return std::nullopt;
    return out;
}

} // namespace ecglens::dsp
