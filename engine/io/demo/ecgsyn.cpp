#include "ecgsyn.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <numbers>

namespace ecglens::io::demo {

namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kTwoPi = 2.0 * std::numbers::pi;

/// splitmix64: small, fast and identical on every platform (std distributions are not).
class Rng
{
public:
    // The seed is hashed so that nearby seeds do not give shifted copies of one stream.
    explicit Rng(std::uint64_t seed) : m_state(seed)
    {
        m_state = next() ^ 0x632BE59BD9B4E019ULL;
        m_state = next();
    }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, 1).
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    /// Standard normal (Box-Muller, both values used).
    double normal()
    {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        double u = 0.0;
        while (u <= 0.0)
            u = uniform();
        const double v = uniform();
        const double r = std::sqrt(-2.0 * std::log(u));
        m_spare = r * std::sin(kTwoPi * v);
        m_hasSpare = true;
        return r * std::cos(kTwoPi * v);
    }

private:
    std::uint64_t m_state;
    double m_spare = 0.0;
    bool m_hasSpare = false;
};

/// In-place iterative radix-2 FFT; `inverse` without the 1/n factor. a.size() is a power of 2.
void fft(std::vector<std::complex<double>>& a, bool inverse)
{
    const std::size_t n = a.size();
    for (std::size_t i = 1, j = 0; i < n; ++i) {
        std::size_t bit = n >> 1;
        for (; j & bit; bit >>= 1)
            j ^= bit;
        j ^= bit;
        if (i < j)
            std::swap(a[i], a[j]);
    }
    for (std::size_t len = 2; len <= n; len <<= 1) {
        const double ang = (inverse ? kTwoPi : -kTwoPi) / double(len);
        const std::complex<double> wlen(std::cos(ang), std::sin(ang));
        for (std::size_t i = 0; i < n; i += len) {
            std::complex<double> w(1.0, 0.0);
            for (std::size_t k = 0; k < len / 2; ++k) {
                const std::complex<double> u = a[i + k];
                const std::complex<double> v = a[i + k + len / 2] * w;
                a[i + k] = u + v;
                a[i + k + len / 2] = u - v;
                w *= wlen;
            }
        }
    }
}

/// RR intervals (s) sampled at `sfrr` Hz with the bimodal spectrum of ECGSYN's rrprocess:
/// Gaussian peaks at the Mayer (LF) and RSA (HF) frequencies, random phases, scaled to the
/// requested mean and standard deviation.
std::vector<double> rrProcess(const EcgsynParams& p, double sfrr, std::size_t minCount, Rng& rng)
{
    std::size_t n = 256;
    while (n < minCount)
        n <<= 1;
    const double w1 = kTwoPi * p.lfHz, w2 = kTwoPi * p.hfHz;
    const double c1 = kTwoPi * p.lfWidthHz, c2 = kTwoPi * p.hfWidthHz;
    const double sig1 = p.lfHfRatio, sig2 = 1.0;
    const double rrMean = 60.0 / p.hrBpm;
    const double rrStd = 60.0 * p.hrStdBpm / (p.hrBpm * p.hrBpm);

    std::vector<std::complex<double>> spectrum(n);
    const double dw = kTwoPi * sfrr / double(n);
    auto amplitude = [&](std::size_t k) {
        const double w = double(k) * dw;
        const double h1 =
            sig1 * std::exp(-0.5 * std::pow((w - w1) / c1, 2)) / std::sqrt(kTwoPi * c1 * c1);
        const double h2 =
            sig2 * std::exp(-0.5 * std::pow((w - w2) / c2, 2)) / std::sqrt(kTwoPi * c2 * c2);
        return (sfrr / 2.0) * std::sqrt(h1 + h2);
    };
    for (std::size_t k = 1; k < n / 2; ++k) {
        const double phase = kTwoPi * rng.uniform();
        spectrum[k] = std::polar(amplitude(k), phase);
        spectrum[n - k] = std::conj(spectrum[k]); // real signal
    }
    fft(spectrum, true);

    std::vector<double> rr(n);
    double mean = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        mean += rr[i] = spectrum[i].real() / double(n);
    mean /= double(n);
    double var = 0.0;
    for (double v : rr)
        var += (v - mean) * (v - mean);
    const double sd = std::sqrt(var / double(n - 1));
    const double scale = sd > 0 ? rrStd / sd : 0.0;
    for (double& v : rr)
        v = rrMean + (v - mean) * scale;
    return rr;
}

/// One wave event of the 3-D model: Gaussian in phase, with a dipole direction in mV.
struct Event
{
    double thetaRad;
    double widthRad;
    std::array<double, 3> alphaMv; ///< x = leftward, y = inferior (feet), z = anterior
};

/// Phase-domain dipole trajectory of one beat type over phase [-2*pi, 2*pi], integrated with
/// RK4 from the model's ODE dX/dtheta = -sum alpha_i * dtheta_i / b_i^2 * exp(-dtheta_i^2 / 2b_i^2)
/// (the ECGSYN right-hand side divided by omega, which is constant within a beat).
class BeatTable
{
public:
    static constexpr int kSteps = 8192;
    static constexpr double kScale = kSteps / (4.0 * kPi); ///< table entries per radian

    explicit BeatTable(const std::vector<Event>& events)
    {
        auto rhs = [&](double theta, int axis) {
            double d = 0.0;
            for (const Event& e : events) {
                const double dt = theta - e.thetaRad;
                d -= e.alphaMv[axis] * dt / (e.widthRad * e.widthRad) *
                     std::exp(-dt * dt / (2.0 * e.widthRad * e.widthRad));
            }
            return d;
        };
        const double h = 4.0 * kPi / kSteps;
        std::array<std::vector<double>, 3> v;
        for (int axis = 0; axis < 3; ++axis) {
            v[axis].resize(kSteps + 1);
            double x = 0.0, theta = -2.0 * kPi;
            for (int i = 1; i <= kSteps; ++i) {
                const double k1 = rhs(theta, axis);
                const double k2 = rhs(theta + h / 2, axis);
                const double k4 = rhs(theta + h, axis);
                x += h / 6.0 * (k1 + 4.0 * k2 + k4); // k2 == k3: the RHS does not depend on x
                theta += h;
                v[axis][i] = x;
            }
            // The cycle closes (all Gaussians vanish at +-2 pi); remove any residual drift.
            const double drift = v[axis][kSteps];
            for (int i = 0; i <= kSteps; ++i)
                v[axis][i] -= drift * i / kSteps;
        }
        m_xyz.resize(kSteps + 2);
        m_first = kSteps;
        m_last = 0;
        for (int i = 0; i <= kSteps; ++i) {
            m_xyz[i] = {float(v[0][i]), float(v[1][i]), float(v[2][i])};
            if (std::max({std::abs(v[0][i]), std::abs(v[1][i]), std::abs(v[2][i])}) > 1e-7) {
                m_first = std::min(m_first, i);
                m_last = std::max(m_last, i);
            }
        }
        m_xyz[kSteps + 1] = {0.0f, 0.0f, 0.0f};
    }

    /// Phase range (rad) outside which the beat contributes nothing measurable.
    double firstTheta() const { return m_first / kScale - 2.0 * kPi; }
    double lastTheta() const { return (m_last + 1) / kScale - 2.0 * kPi; }

    /// Adds the dipole at table position `pos` (= (theta + 2 pi) * kScale), within the table.
    void add(double pos, double* x, double* y, double* z) const
    {
        if (!(pos >= 0.0) || pos >= double(kSteps))
            return;
        const int i = int(pos);
        const float f = float(pos - i);
        const Xyz& a = m_xyz[i];
        const Xyz& b = m_xyz[i + 1];
        *x += a.x + f * (b.x - a.x);
        *y += a.y + f * (b.y - a.y);
        *z += a.z + f * (b.z - a.z);
    }

private:
    struct Xyz
    {
        float x, y, z;
    };
    std::vector<Xyz> m_xyz;
    int m_first = 0;
    int m_last = 0;
};

/// Event parameters; widths and timings stretch with heart rate as in ECGSYN
/// (b_i * hrfact, theta_i * [hrfact^0.5, hrfact, 1, hrfact, hrfact^0.5], hrfact = sqrt(hr/60)).
std::vector<Event> normalEvents(double hrBpm)
{
    const double f = std::sqrt(hrBpm / 60.0), f2 = std::sqrt(f);
    return {
        {-kPi / 3.0 * f2, 0.25 * f, {0.09, 0.11, 0.03}},   // P: left, inferior
        {-kPi / 12.0 * f, 0.10 * f, {-0.10, 0.02, 0.18}},  // Q: septal, right-anterior
        {0.0, 0.10 * f, {0.75, 0.95, -0.05}},              // R: axis ~ +52 degrees
        {kPi / 12.0 * f, 0.10 * f, {-0.10, -0.15, -0.25}}, // S: late basal, posterior
        {kPi / 2.0 * f2, 0.40 * f, {0.20, 0.18, 0.12}},    // T: concordant with QRS
    };
}

/// A right-ventricular premature beat: no P wave, wide QRS directed left and posterior
/// (left-bundle-branch-block-like), discordant T wave.
std::vector<Event> ventricularEvents(double hrBpm)
{
    const double f = std::sqrt(hrBpm / 60.0), f2 = std::sqrt(f);
    return {
        {-0.08 * f, 0.20 * f, {0.70, 0.90, -0.80}},
        {0.22 * f, 0.22 * f, {0.45, 0.30, -0.55}},
        {kPi / 2.0 * f2, 0.50 * f, {-0.30, -0.35, 0.25}},
    };
}

/// Electrode lead field: potential = e . dipole. Limb electrodes on the frontal-plane unit
/// circle at -150 (RA), -30 (LA) and +90 (LL) degrees scaled so that lead I has unit gain;
/// they sum to zero, so Wilson's central terminal is 0. Precordial electrodes lie in the
/// horizontal plane at the conventional angles with Dower-like gains.
struct Electrodes
{
    std::array<double, 3> ra{-0.5, -0.28867513459481287, 0.0};
    std::array<double, 3> la{0.5, -0.28867513459481287, 0.0};
    std::array<double, 3> ll{0.0, 0.57735026918962573, 0.0};
    std::array<std::array<double, 3>, 6> v{};

    Electrodes()
    {
        const double anglesDeg[6] = {115, 95, 75, 55, 30, 0};
        const double gains[6] = {1.0, 1.5, 1.6, 1.7, 1.3, 0.9};
        for (int i = 0; i < 6; ++i) {
            const double a = anglesDeg[i] * kPi / 180.0;
            v[i] = {gains[i] * std::cos(a), -0.05 * gains[i], gains[i] * std::sin(a)};
        }
    }
};

double dot(const std::array<double, 3>& e, const double d[3])
{
    return e[0] * d[0] + e[1] * d[1] + e[2] * d[2];
}

} // namespace

std::vector<Beat> ecgsynBeats(const EcgsynParams& p)
{
    Rng rng(p.seed);
    constexpr double sfrr = 2.0;
    const double rrMean = 60.0 / p.hrBpm;
    const double span = p.seconds + 6.0 * rrMean + 10.0;
    const std::vector<double> rr = rrProcess(p, sfrr, std::size_t(span * sfrr) + 2, rng);
    auto rrAt = [&](double t) {
        const double pos = std::clamp((t + 3.0 * rrMean) * sfrr, 0.0, double(rr.size() - 2));
        const std::size_t i = std::size_t(pos);
        const double v = rr[i] + (pos - double(i)) * (rr[i + 1] - rr[i]);
        return std::max(v, 0.25 * rrMean); // keep the phase advancing whatever the draw
    };

    // A sinus beat is followed by a premature beat with probability q; ectopic beats never
    // follow each other, so the ventricular fraction is q / (1 + q).
    const double q = p.ectopicFraction > 0 ? p.ectopicFraction / (1.0 - p.ectopicFraction) : 0.0;
    std::vector<Beat> beats;
    beats.reserve(std::size_t(p.seconds / rrMean * 1.2) + 16);
    double t = -(0.3 + 0.7 * rng.uniform()) * rrMean - rrMean;
    beats.push_back({t, false, rrAt(t)});
    while (t < p.seconds + 2.0 * rrMean) {
        const double interval = beats.back().intervalS;
        if (q > 0 && rng.uniform() < q) {
            // Early (55-65 % of the sinus interval), then a full compensatory pause: the next
            // sinus beat keeps the sinus schedule, two intervals after the last one.
            const double coupling = interval * (0.55 + 0.1 * rng.uniform());
            beats.push_back({t + coupling, true, interval});
            t += 2.0 * interval;
        } else {
            t += interval;
        }
        beats.push_back({t, false, rrAt(t)});
    }
    return beats;
}

std::vector<std::string> ecgsynLeadNames(int leadCount)
{
    switch (leadCount) {
    case 1:
        return {"II"};
    case 2:
        return {"II", "V5"};
    case 3:
        return {"I", "II", "V5"};
    default:
        return {"I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"};
    }
}

bool ecgsynRender(const EcgsynParams& p, const std::vector<Beat>& beats,
                  std::vector<std::vector<float>>& leads,
                  const std::function<bool(double)>& progress)
{
    const BeatTable normal(normalEvents(p.hrBpm));
    const BeatTable ventricular(ventricularEvents(p.hrBpm));
    const Electrodes el;
    const std::vector<std::string> names = ecgsynLeadNames(p.leadCount);
    const std::size_t n = std::size_t(std::llround(p.seconds * p.fsHz));
    leads.assign(names.size(), {});
    for (auto& lead : leads)
        lead.resize(n);

    // Each beat's support in samples. The phase speed is 2*pi over the beat's sinus interval,
    // so a premature beat keeps a physiological duration instead of being squeezed into its
    // coupling interval; overlapping beats add (the model's limit cycle, unwrapped).
    struct Span
    {
        long long first, last; // sample range, inclusive
    };
    std::vector<Span> spans(beats.size());
    for (std::size_t j = 0; j < beats.size(); ++j) {
        const BeatTable& table = beats[j].ventricular ? ventricular : normal;
        const double omega = kTwoPi / beats[j].intervalS;
        spans[j].first =
            (long long)std::ceil((beats[j].timeS + table.firstTheta() / omega) * p.fsHz);
        spans[j].last =
            (long long)std::floor((beats[j].timeS + table.lastTheta() / omega) * p.fsHz);
    }

    // Noise: a fixed table of standard normal values indexed by a fast generator, so that a
    // week-long recording costs one integer hash per electrode sample.
    Rng rng(p.seed ^ 0xD1B54A32D192ED03ULL);
    const bool noisy = p.noiseMv > 0.0;
    std::vector<float> gauss;
    if (noisy) {
        gauss.resize(1 << 16);
        for (float& g : gauss)
            g = float(p.noiseMv * rng.normal());
    }
    std::uint64_t bits = 0;
    int bitsLeft = 0;
    auto noise = [&]() -> double {
        if (!noisy)
            return 0.0;
        if (bitsLeft == 0) {
            bits = rng.next();
            bitsLeft = 4;
        }
        const float g = gauss[bits & 0xFFFF];
        bits >>= 16;
        --bitsLeft;
        return g;
    };
    const double wander = 3.0 * p.noiseMv; // respiratory baseline modulation, mV
    const double wResp = kTwoPi * p.hfHz;

    constexpr std::size_t kChunk = 16384;
    std::vector<double> dx(kChunk), dy(kChunk), dz(kChunk);
    std::size_t firstBeat = 0;
    for (std::size_t c0 = 0; c0 < n; c0 += kChunk) {
        const std::size_t c1 = std::min(n, c0 + kChunk);
        std::fill(dx.begin(), dx.end(), 0.0);
        std::fill(dy.begin(), dy.end(), 0.0);
        std::fill(dz.begin(), dz.end(), 0.0);
        while (firstBeat < beats.size() && spans[firstBeat].last < (long long)c0)
            ++firstBeat;
        // Spans are nearly sorted; a beat ending before c0 can follow a later one only by a
        // fraction of a beat, so scan a few back.
        const std::size_t from = firstBeat >= 3 ? firstBeat - 3 : 0;
        for (std::size_t j = from; j < beats.size(); ++j) {
            if (spans[j].first >= (long long)c1 && j > firstBeat + 3)
                break;
            const long long s0 = std::max<long long>(spans[j].first, (long long)c0);
            const long long s1 = std::min<long long>(spans[j].last, (long long)c1 - 1);
            if (s0 > s1)
                continue;
            const BeatTable& table = beats[j].ventricular ? ventricular : normal;
            const double omega = kTwoPi / beats[j].intervalS;
            const double step = omega / p.fsHz * BeatTable::kScale;
            const double pos0 =
                ((double(s0) / p.fsHz - beats[j].timeS) * omega + 2.0 * kPi) * BeatTable::kScale;
            for (long long s = s0; s <= s1; ++s) {
                const std::size_t o = std::size_t(s) - c0;
                table.add(pos0 + double(s - s0) * step, &dx[o], &dy[o], &dz[o]);
            }
        }

        // Respiratory wander by a rotating phasor, re-anchored at every chunk.
        double ws = std::sin(wResp * double(c0) / p.fsHz),
               wc = std::cos(wResp * double(c0) / p.fsHz);
        const double rs = std::sin(wResp / p.fsHz), rc = std::cos(wResp / p.fsHz);
        for (std::size_t i = c0; i < c1; ++i) {
            double d[3] = {dx[i - c0], dy[i - c0], dz[i - c0]};
            if (noisy) {
                const double s = wander * ws;
                d[0] += 0.6 * s;
                d[1] += s;
                d[2] += 0.5 * s;
                const double nws = ws * rc + wc * rs;
                wc = wc * rc - ws * rs;
                ws = nws;
            }
            // Electrode potentials (plus independent electrode noise), then the standard lead
            // definitions, so Einthoven's and Goldberger's relations hold exactly.
            const double ra = dot(el.ra, d) + noise();
            const double la = dot(el.la, d) + noise();
            const double ll = dot(el.ll, d) + noise();
            const double wct = (ra + la + ll) / 3.0;
            auto precordial = [&](int v) { return dot(el.v[v], d) + noise() - wct; };
            switch (p.leadCount) {
            case 1:
                leads[0][i] = float(ll - ra);
                break;
            case 2:
                leads[0][i] = float(ll - ra);
                leads[1][i] = float(precordial(4));
                break;
            case 3:
                leads[0][i] = float(la - ra);
                leads[1][i] = float(ll - ra);
                leads[2][i] = float(precordial(4));
                break;
            default:
                leads[0][i] = float(la - ra);
                leads[1][i] = float(ll - ra);
                leads[2][i] = float(ll - la);
                leads[3][i] = float(ra - 0.5 * (la + ll));
                leads[4][i] = float(la - 0.5 * (ra + ll));
                leads[5][i] = float(ll - 0.5 * (ra + la));
                for (int v = 0; v < 6; ++v)
                    leads[6 + v][i] = float(precordial(v));
                break;
            }
        }
        if (progress && !progress(double(c1) / double(n)))
            return false;
    }
    return true;
}

} // namespace ecglens::io::demo
