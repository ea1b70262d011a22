#include "ml/net.h"

#include "ml/shared_library.h"
#include "ml/torch_backend.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace ecglens::ml {

namespace {

/// The LibTorch module, opened once per process on first use (thread-safe: a function-local
/// static). Candidates: $ECGLENS_TORCH_MODULE alone if set; else the installed layout next to the
/// executable (bin/../LIBDIR/ecglens/), then, for a program inside the build tree, the build's
/// module.
const Result<const backend::TorchBackend*>& torchBackend()
{
    static const Result<const backend::TorchBackend*> loaded =
        []() -> Result<const backend::TorchBackend*> {
        using R = Result<const backend::TorchBackend*>;
        namespace fs = std::filesystem;
        std::vector<std::string> candidates;
        const char* env = std::getenv("ECGLENS_TORCH_MODULE");
        if (env && *env) {
            candidates.emplace_back(env); // the user's choice, alone
        } else if (const auto exe = executableFolder(); !exe.empty()) {
            candidates.push_back((fs::path(exe) / ".." / ECGLENS_INSTALL_LIBDIR / "ecglens" /
                                  ECGLENS_TORCH_MODULE_FILE)
                                     .lexically_normal()
                                     .string());
            // Folder prefixes end in '/' so that build/dev does not match build/dev2.
            const std::string buildDir =
                (fs::path(ECGLENS_BUILD_DIR) / "").lexically_normal().string();
            if ((fs::path(exe) / "").lexically_normal().string().rfind(buildDir, 0) == 0)
                candidates.emplace_back(ECGLENS_BUILD_TORCH_MODULE);
        }
        auto lib = openSharedLibrary(
            candidates, "The detector's LibTorch module (" ECGLENS_TORCH_MODULE_FILE ")",
            "Reinstall ECG Lens, or point ECGLENS_TORCH_MODULE at the module; the viewer and "
            "the measurements work without it.");
        if (!lib)
            return R::failure(lib.error());
        using Entry = const backend::TorchBackend* (*)(const char*);
        using BuildOf = const char* (*)();
        const auto entry = reinterpret_cast<Entry>(librarySymbol(*lib, "ecglens_torch_backend"));
        const auto buildOf =
            reinterpret_cast<BuildOf>(librarySymbol(*lib, "ecglens_torch_backend_build"));
        const backend::TorchBackend* api = entry ? entry(backend::kTorchBackendBuild) : nullptr;
        if (!api)
            return R::failure(lib->path + " comes from another build of ECG Lens (module: " +
                              (buildOf ? std::string(buildOf()) : std::string("unknown")) +
                              "; this program: " + backend::kTorchBackendBuild +
                              "); reinstall ECG Lens.");
        return api;
    }();
    return loaded;
}

} // namespace

struct Net::Impl
{
    std::unique_ptr<backend::NetModel> model;
};

Net::Net(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Net::Net(Net&&) noexcept = default;
Net& Net::operator=(Net&&) noexcept = default;
Net::~Net() = default;

Result<Net> Net::adopt(Result<std::unique_ptr<backend::NetModel>> model)
{
    if (!model)
        return Result<Net>::failure(model.error());
    auto impl = std::make_unique<Impl>();
    impl->model = std::move(*model);
    return Net(std::move(impl));
}

Result<bool> Net::backendAvailable()
{
    const auto& api = torchBackend();
    if (!api)
        return Result<bool>::failure(api.error());
    return true;
}

Result<Net> Net::create(const NetSpec& spec, std::uint64_t seed)
{
    const auto& api = torchBackend();
    if (!api)
        return Result<Net>::failure(api.error());
    return adopt((*api)->create(spec, seed));
}

Result<Net> Net::load(const NetSpec& spec, const std::string& bytes, const std::string& name)
{
    const auto& api = torchBackend();
    if (!api)
        return Result<Net>::failure(api.error());
    return adopt((*api)->load(spec, bytes, name));
}

Result<bool> Net::save(const std::string& path) const
{
    return m_impl->model->save(path);
}

const NetSpec& Net::spec() const
{
    return m_impl->model->spec();
}

std::int64_t Net::parameterCount() const
{
    return m_impl->model->parameterCount();
}

std::vector<float> Net::forward(const float* input, int batch) const
{
    return m_impl->model->forward(input, batch);
}

std::vector<float> Net::forwardMembers(const float* input, int batch) const
{
    return m_impl->model->forwardMembers(input, batch);
}

Result<bool> Net::enableAuxiliary(int outputs)
{
    return m_impl->model->enableAuxiliary(outputs);
}

float Net::trainStep(const float* input, const float* labels, int batch, float posWeight)
{
    const int k = m_impl->model->memberCount();
    std::vector<float> mask(std::size_t(batch) * std::size_t(k), 1.0f);
    return trainStepMasked(input, labels, mask.data(), batch, posWeight);
}

float Net::trainStepMasked(const float* input, const float* labels, const float* memberMask,
                           int batch, float posWeight, const float* auxTargets, float auxWeight)
{
    return m_impl->model->trainStepMasked(input, labels, memberMask, batch, posWeight, auxTargets,
                                          auxWeight);
}

void Net::setLearningRate(double lr, double weightDecay)
{
    m_impl->model->setLearningRate(lr, weightDecay);
}

std::vector<char> Net::snapshot() const
{
    return m_impl->model->snapshot();
}

void Net::restore(const std::vector<char>& bytes)
{
    m_impl->model->restore(bytes);
}

void Net::setThreads(int threads)
{
    if (const auto& api = torchBackend())
        (*api)->setThreads(threads);
}

int Net::threads()
{
    const auto& api = torchBackend();
    return api ? (*api)->threads() : 1;
}

std::vector<float> forwardWindows(const Net& net, std::size_t count,
                                  const std::function<const Window&(std::size_t)>& window,
                                  bool perMember, const std::array<bool, kModelLeads>* mask)
{
    constexpr std::size_t kChunk = 64;
    constexpr std::size_t kStride = std::size_t(kModelLeads) * kWindowSamples;
    std::vector<float> out, buf;
    for (std::size_t i = 0; i < count; i += kChunk) {
        const std::size_t m = std::min(kChunk, count - i);
        buf.assign(m * kStride, 0.0f);
        for (std::size_t j = 0; j < m; ++j) {
            if (mask) {
                Window w = window(i + j);
                applyLeadMask(w, *mask);
                windowToBuffer(w, buf.data() + j * kStride);
            } else {
                windowToBuffer(window(i + j), buf.data() + j * kStride);
            }
        }
        const auto y =
            perMember ? net.forwardMembers(buf.data(), int(m)) : net.forward(buf.data(), int(m));
        out.insert(out.end(), y.begin(), y.end());
    }
    return out;
}

std::vector<float> forwardWindows(const Net& net, const std::vector<Window>& windows,
                                  bool perMember, const std::array<bool, kModelLeads>* mask)
{
    return forwardWindows(
        net, windows.size(), [&](std::size_t i) -> const Window& { return windows[i]; }, perMember,
        mask);
}

} // namespace ecglens::ml
