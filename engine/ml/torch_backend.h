#pragma once

// The boundary between the engine and its LibTorch module (libecglens_torch.so, built from
// net_torch.cpp, opened by net.cpp on first use). Torch-free. Both sides are built together from
// this header; kTorchBackendAbi changes whenever a declaration here does, and the module refuses
// a caller of another version.

#include "core/result.h"
#include "ml/net.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ecglens::ml::backend {

inline constexpr int kTorchBackendAbi = 1;

/// One network: the operations of ml::Net (see there).
class NetModel
{
public:
    virtual ~NetModel() = default;
    virtual const NetSpec& spec() const = 0;
    virtual std::int64_t parameterCount() const = 0;
    virtual Result<bool> save(const std::string& path) const = 0;
    virtual std::vector<float> forward(const float* input, int batch) const = 0;
    virtual std::vector<float> forwardMembers(const float* input, int batch) const = 0;
    virtual float trainStepMasked(const float* input, const float* labels, const float* memberMask,
                                  int batch, float posWeight, const float* auxTargets,
                                  float auxWeight) = 0;
    virtual int memberCount() const = 0;
    virtual Result<bool> enableAuxiliary(int outputs) = 0;
    virtual void setLearningRate(double lr, double weightDecay) = 0;
    virtual std::vector<char> snapshot() const = 0;
    virtual void restore(const std::vector<char>& bytes) = 0;
};

/// What the module provides.
class TorchBackend
{
public:
    virtual ~TorchBackend() = default;
    virtual Result<std::unique_ptr<NetModel>> create(const NetSpec& spec,
                                                     std::uint64_t seed) const = 0;
    virtual Result<std::unique_ptr<NetModel>> load(const NetSpec& spec, const std::string& bytes,
                                                   const std::string& name) const = 0;
    virtual void setThreads(int threads) const = 0;
    virtual int threads() const = 0;
};

} // namespace ecglens::ml::backend

/// The module's one exported symbol: its backend, or nullptr if `abi` is not its version.
extern "C" const ecglens::ml::backend::TorchBackend* ecglens_torch_backend(int abi);
