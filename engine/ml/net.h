#pragma once

// The neural networks, behind a pimpl: this header is LibTorch-free. The LibTorch code lives in a
// module of its own (net_torch.cpp -> libecglens_torch.so, interface in torch_backend.h) that
// net.cpp opens on first use, so programs that never run a network never load LibTorch.

#include "core/result.h"
#include "ml/preprocess.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ecglens::ml {

namespace backend {
class NetModel;
}

/// Architecture names: "cnn_lstm" (the prototype's baseline) and "resnet1d" (shipped candidate).
struct NetSpec
{
    std::string arch = "resnet1d";
    int leads = 12;
    int samples = 1000; ///< input length at 100 Hz
    /// resnet1d only: ensemble members run side by side as grouped convolutions (one forward
    /// pass); the output is the mean of the members' log-odds.
    int members = 1;
    int width = 32; ///< resnet1d only: channels of the first stage (later stages 2x, 4x, 4x)
};

/// A binary classifier over (batch x leads x samples) float input, producing log-odds.
class Net
{
public:
    Net(Net&&) noexcept;
    Net& operator=(Net&&) noexcept;
    ~Net();

    /// Opens the LibTorch module if it is not open yet (once per process; every other call
    /// below that needs it does the same). The error names the files tried and what to do.
    static Result<bool> backendAvailable();

    /// Fresh weights, initialised deterministically from `seed`.
    static Result<Net> create(const NetSpec& spec, std::uint64_t seed);
    /// Weights from the bytes of a file written by save() (`name` names it in messages); the
    /// architecture must match `spec`.
    static Result<Net> load(const NetSpec& spec, const std::string& bytes, const std::string& name);
    Result<bool> save(const std::string& path) const;

    const NetSpec& spec() const;
    std::int64_t parameterCount() const;

    /// Inference (eval mode, no gradients). `input` holds batch*leads*samples floats, row-major.
    std::vector<float> forward(const float* input, int batch) const;
    /// Inference per ensemble member: batch*members log-odds, row-major (batch x members).
    std::vector<float> forwardMembers(const float* input, int batch) const;

    /// One Adam step where member m learns only from examples with memberMask[i*members+m] != 0
    /// (cross-fitting: each member has its own held-out records). Returns the mean loss.
    /// With `auxTargets` (batch x auxOutputs, 0/1) after enableAuxiliary(), the auxiliary heads
    /// learn them too and their mean loss, times `auxWeight`, is added to each example's loss.
    float trainStepMasked(const float* input, const float* labels, const float* memberMask,
                          int batch, float posWeight = 1.0f, const float* auxTargets = nullptr,
                          float auxWeight = 0.0f);

    /// Adds training-only auxiliary heads (one linear head per member on the pooled features,
    /// `outputs` labels each; not saved, so the saved weights keep the inference format).
    Result<bool> enableAuxiliary(int outputs);

    /// One Adam step on a mini-batch with binary cross-entropy; returns the mean loss.
    /// `posWeight` scales the loss of positive (abnormal) examples.
    float trainStep(const float* input, const float* labels, int batch, float posWeight = 1.0f);
    void setLearningRate(double lr, double weightDecay);

    /// Snapshot / restore of all parameters and buffers (for early stopping).
    std::vector<char> snapshot() const;
    void restore(const std::vector<char>& bytes);

    /// Intra-op threads of the tensor library (process-wide; without the module: no-op / 1).
    /// Both open the module if it is not open yet (about 0.5 s the first time).
    static void setThreads(int threads);
    static int threads();

private:
    struct Impl;
    explicit Net(std::unique_ptr<Impl> impl);
    static Result<Net> adopt(Result<std::unique_ptr<backend::NetModel>> model);
    std::unique_ptr<Impl> m_impl;
};

/// Inference over `count` windows (window(i) gives the i-th) in chunks of 64: log-odds per
/// window (the ensemble mean), or with perMember windows x members (row-major). With `mask`, the
/// leads outside it are zeroed first.
std::vector<float> forwardWindows(const Net& net, std::size_t count,
                                  const std::function<const Window&(std::size_t)>& window,
                                  bool perMember,
                                  const std::array<bool, kModelLeads>* mask = nullptr);
/// The same over a vector of windows.
std::vector<float> forwardWindows(const Net& net, const std::vector<Window>& windows,
                                  bool perMember,
                                  const std::array<bool, kModelLeads>* mask = nullptr);

} // namespace ecglens::ml
