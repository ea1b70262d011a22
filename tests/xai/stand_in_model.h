#pragma once

// A STAND-IN for ml::Detector::logits while the real detector (issue 5) is not available: a
// fixed, randomly initialised 1-D CNN in Eigen (no LibTorch), batched like a LibTorch forward
// pass (the batch is spread over the cores). It has no medical meaning; it gives the SHAP
// code and the benchmark a non-linear model of realistic shape and cost:
//   conv 12->24 k7 s2, ReLU; conv 24->32 k5 s2, ReLU; conv 32->32 k5 s2, ReLU;
//   global average pool; linear 32->1.  About 2.6 million multiply-adds per 12 x 1000 window.

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <thread>
#include <vector>

namespace ecglens::xai::test {

class StandInModel
{
public:
    explicit StandInModel(int leads = 12, uint64_t seed = 7)
    {
        std::mt19937_64 rng(seed);
        m_layers.push_back(makeLayer(leads, 24, 7, 2, rng));
        m_layers.push_back(makeLayer(24, 32, 5, 2, rng));
        m_layers.push_back(makeLayer(32, 32, 5, 2, rng));
        m_head = randomMatrix(1, 32, 3.0f / std::sqrt(32.0f), rng);
        m_headBias = -0.5f;
    }

    /// Log-odds for every window (leads x samples, mV). Like LibTorch's intra-op thread pool,
    /// a batch is split over `threads` cores (default: all); a single window runs on one core.
    std::vector<float> logits(const std::vector<Eigen::MatrixXf>& windows) const
    {
        std::vector<float> out(windows.size());
        const std::size_t threads = std::min<std::size_t>(windows.size(), std::max(1u, m_threads));
        if (threads <= 1) {
            for (std::size_t i = 0; i < windows.size(); ++i)
                out[i] = forward(windows[i]);
            return out;
        }
        std::vector<std::thread> pool;
        for (std::size_t t = 0; t < threads; ++t)
            pool.emplace_back([&, t] {
                const std::size_t first = windows.size() * t / threads;
                const std::size_t last = windows.size() * (t + 1) / threads;
                for (std::size_t i = first; i < last; ++i)
                    out[i] = forward(windows[i]);
            });
        for (auto& th : pool)
            th.join();
        return out;
    }

    void setThreads(unsigned threads) { m_threads = threads; }

    /// One window (channels x samples), one core: a GEMM per layer on a strided view of the
    /// input (im2col without copying: the k taps of a column are contiguous in column-major
    /// storage).
    float forward(const Eigen::MatrixXf& window) const
    {
        Eigen::MatrixXf act = window;
        for (const Layer& layer : m_layers) {
            const Eigen::Index cin = act.rows();
            const Eigen::Index lout = (act.cols() - layer.k) / layer.stride + 1;
            const Eigen::Map<const Eigen::MatrixXf, 0, Eigen::OuterStride<>> cols(
                act.data(), cin * layer.k, lout, Eigen::OuterStride<>(cin * layer.stride));
            Eigen::MatrixXf next = layer.w * cols;
            next.colwise() += layer.bias;
            act = next.cwiseMax(0.0f);
        }
        return (m_head * act.rowwise().mean())(0) + m_headBias;
    }

    /// Multiply-adds per window of `samples` samples (for the benchmark report).
    double macsPerWindow(int samples) const
    {
        double macs = 0.0;
        int len = samples;
        for (const Layer& l : m_layers) {
            len = (len - l.k) / l.stride + 1;
            macs += double(l.w.rows()) * double(l.w.cols()) * len;
        }
        return macs;
    }

private:
    struct Layer
    {
        Eigen::MatrixXf w; // cout x (k * cin), column index = tap * cin + channel
        Eigen::VectorXf bias;
        int k = 1, stride = 1;
    };

    static Eigen::MatrixXf randomMatrix(int rows, int cols, float scale, std::mt19937_64& rng)
    {
        Eigen::MatrixXf m(rows, cols);
        for (int j = 0; j < cols; ++j)
            for (int i = 0; i < rows; ++i) // uniform in [-scale, scale], portable
                m(i, j) = scale * float(2.0 * (double(rng() >> 11) * 0x1.0p-53) - 1.0);
        return m;
    }

    static Layer makeLayer(int cin, int cout, int k, int stride, std::mt19937_64& rng)
    {
        Layer l;
        l.w = randomMatrix(cout, cin * k, 2.0f / std::sqrt(float(cin * k)), rng);
        l.bias = randomMatrix(cout, 1, 0.1f, rng);
        l.k = k;
        l.stride = stride;
        return l;
    }

    std::vector<Layer> m_layers;
    Eigen::MatrixXf m_head;
    float m_headBias = 0.0f;
    unsigned m_threads = std::thread::hardware_concurrency();
};

/// A synthetic 12-lead window (mV) with beats every rrS seconds: QRS-like spikes plus a T wave,
/// different amplitude per lead, and the R-peak sample indices.
inline Eigen::MatrixXf syntheticWindow(double fsHz, int samples, double rrS,
                                       std::vector<int>& beats, int leads = 12)
{
    Eigen::MatrixXf w = Eigen::MatrixXf::Zero(leads, samples);
    beats.clear();
    const double first = 0.35;
    for (double t = first; t * fsHz < samples; t += rrS)
        beats.push_back(int(std::lround(t * fsHz)));
    for (int lead = 0; lead < leads; ++lead) {
        const float amp = 0.4f + 0.1f * float(lead % 5) - (lead == 3 ? 1.2f : 0.0f);
        for (int s = 0; s < samples; ++s) {
            float v = 0.05f * float(lead % 3);
            for (int r : beats) {
                const double dt = (s - r) / fsHz;
                v += amp * float(std::exp(-dt * dt / (2 * 0.012 * 0.012)));
                v += 0.25f * amp * float(std::exp(-(dt - 0.3) * (dt - 0.3) / (2 * 0.05 * 0.05)));
                v += 0.1f * amp * float(std::exp(-(dt + 0.16) * (dt + 0.16) / (2 * 0.025 * 0.025)));
            }
            w(lead, s) = v;
        }
    }
    return w;
}

} // namespace ecglens::xai::test
