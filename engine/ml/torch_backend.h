#pragma once

// The boundary between the engine and its LibTorch module (libecglens_torch.so, built from
// net_torch.cpp, opened by net.cpp on first use). Torch-free. A module opened at run time may come
// from another build (an upgrade under a running program, a stale build tree), so the caller
// passes kTorchBackendBuild and the module refuses a caller whose string is not its own: project
// version, compiler, a hash of the boundary headers (from CMake, ECGLENS_TORCH_BACKEND_BUILD) and
// the standard library's string ABI.

#include "core/result.h"
#include "ml/net.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ecglens::ml::backend {

#define ECGLENS_BACKEND_STR2(x) #x
#define ECGLENS_BACKEND_STR(x) ECGLENS_BACKEND_STR2(x)
inline constexpr const char* kTorchBackendBuild =
    ECGLENS_TORCH_BACKEND_BUILD " cxx11abi=" ECGLENS_BACKEND_STR(_GLIBCXX_USE_CXX11_ABI);
#undef ECGLENS_BACKEND_STR
#undef ECGLENS_BACKEND_STR2

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

/// The module's exported symbols: its backend, or nullptr if `build` is not its
/// kTorchBackendBuild; and that string (for the message).
extern "C" const ecglens::ml::backend::TorchBackend* ecglens_torch_backend(const char* build);
extern "C" const char* ecglens_torch_backend_build();
