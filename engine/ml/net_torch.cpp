// LibTorch side of ml::Net, built as the module libecglens_torch.so (see torch_backend.h).
#include "ml/torch_backend.h"

#include <torch/torch.h>

#include <array>
#include <cstdlib>
#include <cstring>
#include <sstream>

namespace ecglens::ml {

namespace {

namespace nn = torch::nn;

struct Classifier : nn::Module
{
    /// B log-odds (the ensemble mean for several members).
    virtual torch::Tensor forward(torch::Tensor x) = 0;
    /// B x members log-odds.
    virtual torch::Tensor forwardMembers(torch::Tensor x) { return forward(x).unsqueeze(1); }
    virtual int memberCount() const { return 1; }
    /// Training forward pass: B x members log-odds and, where the architecture has them, the
    /// pooled features each member's head reads (B x members*features x 1, grouped per member)
    /// for auxiliary heads; undefined otherwise.
    virtual std::pair<torch::Tensor, torch::Tensor> forwardWithFeatures(torch::Tensor x)
    {
        return {forwardMembers(x), torch::Tensor()};
    }
    /// Folds batch norm into the convolutions for eval-mode forward passes (call after the
    /// weights change; training invalidates it).
    virtual void fuseForInference() {}
    virtual void unfuse() {}
};

/// The prototype's baseline, on all 12 leads: three Conv1d+BN+ReLU+MaxPool blocks, LSTM(100),
/// dense output (sigmoid applied by the loss / by the caller).
struct CnnLstm : Classifier
{
    nn::Sequential features{nullptr};
    nn::LSTM lstm{nullptr};
    nn::Linear out{nullptr};

    explicit CnnLstm(int leads)
    {
        features = register_module(
            "features",
            nn::Sequential(nn::Conv1d(nn::Conv1dOptions(leads, 32, 5).padding(2)),
                           nn::BatchNorm1d(32), nn::ReLU(), nn::MaxPool1d(nn::MaxPool1dOptions(2)),
                           nn::Conv1d(nn::Conv1dOptions(32, 64, 5).padding(2)), nn::BatchNorm1d(64),
                           nn::ReLU(), nn::MaxPool1d(nn::MaxPool1dOptions(2)),
                           nn::Conv1d(nn::Conv1dOptions(64, 64, 5).padding(2)), nn::BatchNorm1d(64),
                           nn::ReLU(), nn::MaxPool1d(nn::MaxPool1dOptions(2))));
        lstm = register_module("lstm", nn::LSTM(nn::LSTMOptions(64, 100).batch_first(true)));
        out = register_module("out", nn::Linear(100, 1));
    }
    torch::Tensor forward(torch::Tensor x) override
    {
        x = features->forward(x);               // B x 64 x T
        x = x.transpose(1, 2);                  // B x T x 64
        auto y = std::get<0>(lstm->forward(x)); // B x T x 100
        return out->forward(y.select(1, y.size(1) - 1)).squeeze(1);
    }
};

/// Convolution with batch norm folded in (inference only): y = conv(x, w, b).
struct FusedConv
{
    torch::Tensor w, b;
    std::int64_t stride = 1, pad = 0, groups = 1;
    torch::Tensor operator()(const torch::Tensor& x) const
    {
        return torch::conv1d(x, w, b, stride, pad, 1, groups);
    }
};

FusedConv fuse(const nn::Conv1d& conv, const nn::BatchNorm1d& bn)
{
    const auto& o = conv->options;
    FusedConv f;
    const auto k = conv->weight.size(2);
    auto scale = bn->weight / torch::sqrt(bn->running_var + bn->options.eps());
    f.w = (conv->weight * scale.view({-1, 1, 1})).contiguous();
    f.b = bn->bias - bn->running_mean * scale;
    if (conv->bias.defined() && conv->bias.numel() > 0)
        f.b = f.b + conv->bias * scale;
    f.b = f.b.contiguous();
    f.stride = (*o.stride())[0];
    f.pad = k / 2; // every convolution here is "same"-padded with an odd kernel
    f.groups = o.groups();
    return f;
}

/// The member-`m` part of a convolution grouped per member, as an ungrouped convolution
/// (LibTorch's grouped kernels are ~1.6x slower per multiply-add than plain ones here).
FusedConv memberPart(const FusedConv& f, int m, int members)
{
    if (members == 1)
        return f;
    FusedConv p = f;
    const auto out = f.w.size(0) / members;
    p.w = f.w.slice(0, m * out, (m + 1) * out).contiguous();
    p.b = f.b.slice(0, m * out, (m + 1) * out).contiguous();
    p.groups = 1;
    return p;
}

struct ResBlock : nn::Module
{
    nn::Conv1d c1{nullptr}, c2{nullptr}, down{nullptr};
    nn::BatchNorm1d b1{nullptr}, b2{nullptr}, bd{nullptr};
    FusedConv f1, f2, fd;

    ResBlock(int in, int outCh, int stride, int k, int groups)
    {
        c1 = register_module("c1", nn::Conv1d(nn::Conv1dOptions(in, outCh, k)
                                                  .stride(stride)
                                                  .padding(k / 2)
                                                  .groups(groups)
                                                  .bias(false)));
        b1 = register_module("b1", nn::BatchNorm1d(outCh));
        c2 = register_module(
            "c2",
            nn::Conv1d(
                nn::Conv1dOptions(outCh, outCh, k).padding(k / 2).groups(groups).bias(false)));
        b2 = register_module("b2", nn::BatchNorm1d(outCh));
        if (stride != 1 || in != outCh) {
            down = register_module(
                "down",
                nn::Conv1d(
                    nn::Conv1dOptions(in, outCh, 1).stride(stride).groups(groups).bias(false)));
            bd = register_module("bd", nn::BatchNorm1d(outCh));
        }
    }
    torch::Tensor forward(torch::Tensor x)
    {
        auto y = torch::relu(b1->forward(c1->forward(x)));
        y = b2->forward(c2->forward(y));
        auto s = down ? bd->forward(down->forward(x)) : x;
        return torch::relu(y + s);
    }
    void fuseForInference(int members)
    {
        f1 = fuse(c1, b1);
        f2 = fuse(c2, b2);
        if (down)
            fd = fuse(down, bd);
        parts.clear();
        for (int m = 0; m < members; ++m)
            parts.push_back({memberPart(f1, m, members), memberPart(f2, m, members),
                             down ? memberPart(fd, m, members) : FusedConv{}});
    }
    torch::Tensor forwardFused(const torch::Tensor& x) const
    {
        auto y = f1(x).relu_();
        y = f2(y);
        return y.add_(down ? fd(x) : x).relu_();
    }
    /// Member m alone (x: that member's channels only).
    torch::Tensor forwardMember(const torch::Tensor& x, int m) const
    {
        const auto& p = parts[std::size_t(m)];
        auto y = p[0](x).relu_();
        y = p[1](y);
        return y.add_(down ? p[2](x) : x).relu_();
    }
    std::vector<std::array<FusedConv, 3>> parts; // per member: c1, c2, down
};

/// 1-D ResNet: strided stem, four residual blocks, average+max pooling head. With members > 1
/// the members are independent networks evaluated side by side: the stem sees all leads for each
/// member, every later convolution is grouped per member, and each member has its own head.
struct ResNet1d : Classifier
{
    int members = 1;
    nn::Conv1d stem{nullptr};
    nn::BatchNorm1d stemBn{nullptr};
    std::vector<std::shared_ptr<ResBlock>> blocks;
    nn::Dropout drop{nullptr};
    nn::Linear out{nullptr};   // members == 1 (the original layout)
    nn::Conv1d heads{nullptr}; // members > 1: one linear head per member (grouped 1x1 conv)
    FusedConv stemFused;
    std::vector<FusedConv> headParts; // members > 1: member m's linear head as a 1x1 conv
    bool fused = false;

    ResNet1d(int leads, int k, int width) : members(k)
    {
        const int w = width * k;
        stem = register_module(
            "stem", nn::Conv1d(nn::Conv1dOptions(leads, w, 7).stride(2).padding(3).bias(false)));
        stemBn = register_module("stem_bn", nn::BatchNorm1d(w));
        const int cfg[4][3] = {{w, w, 1}, {w, 2 * w, 2}, {2 * w, 4 * w, 2}, {4 * w, 4 * w, 2}};
        for (int i = 0; i < 4; ++i)
            blocks.push_back(
                register_module("block" + std::to_string(i),
                                std::make_shared<ResBlock>(cfg[i][0], cfg[i][1], cfg[i][2], 5, k)));
        drop = register_module("drop", nn::Dropout(0.3));
        if (k == 1)
            out = register_module("out", nn::Linear(8 * width, 1));
        else
            heads = register_module("heads",
                                    nn::Conv1d(nn::Conv1dOptions(k * 8 * width, k, 1).groups(k)));
    }
    /// Average and max pooling per member: B x members*features x 1, grouped per member.
    torch::Tensor pool(const torch::Tensor& x) const
    {
        const auto b = x.size(0);
        auto mean = x.mean(2).view({b, members, -1});
        auto mx = std::get<0>(x.max(2)).view({b, members, -1});
        return torch::cat({mean, mx}, 2).reshape({b, -1, 1});
    }
    /// B x members log-odds from pooled features.
    torch::Tensor headOf(const torch::Tensor& pooled)
    {
        const auto b = pooled.size(0);
        if (members == 1)
            return out->forward(drop->forward(pooled.view({b, -1})));
        return heads->forward(drop->forward(pooled)).view({b, members});
    }
    torch::Tensor head(const torch::Tensor& x) { return headOf(pool(x)); }
    std::pair<torch::Tensor, torch::Tensor> forwardWithFeatures(torch::Tensor x) override
    {
        x = torch::relu(stemBn->forward(stem->forward(x)));
        x = torch::max_pool1d(x, 3, 2, 1);
        for (auto& b : blocks)
            x = b->forward(x);
        auto pooled = pool(x);
        return {headOf(pooled), pooled};
    }
    torch::Tensor forwardMembers(torch::Tensor x) override
    {
        if (fused && !is_training()) {
            x = stemFused(x).relu_();
            x = torch::max_pool1d(x, 3, 2, 1);
            if (members == 1) {
                for (auto& b : blocks)
                    x = b->forwardFused(x);
                return head(x);
            }
            // Members one after the other with plain (ungrouped) convolutions.
            const auto chunks = x.chunk(members, 1);
            std::vector<torch::Tensor> logits;
            for (int m = 0; m < members; ++m) {
                auto y = chunks[std::size_t(m)].contiguous();
                for (auto& b : blocks)
                    y = b->forwardMember(y, m);
                auto pooled = torch::cat({y.mean(2), std::get<0>(y.max(2))}, 1).unsqueeze(2);
                logits.push_back(headParts[std::size_t(m)](pooled).view({-1}));
            }
            return torch::stack(logits, 1);
        }
        return forwardWithFeatures(x).first;
    }
    torch::Tensor forward(torch::Tensor x) override { return forwardMembers(x).mean(1); }
    int memberCount() const override { return members; }
    void unfuse() override { fused = false; }
    void fuseForInference() override
    {
        torch::NoGradGuard g;
        stemFused = fuse(stem, stemBn);
        for (auto& b : blocks)
            b->fuseForInference(members);
        headParts.clear();
        if (members > 1) {
            FusedConv h;
            h.w = heads->weight;
            h.b = heads->bias;
            h.groups = members;
            for (int m = 0; m < members; ++m)
                headParts.push_back(memberPart(h, m, members));
        }
        fused = std::getenv("ECGLENS_NO_BN_FOLDING") == nullptr; // for verification only
    }
};

std::shared_ptr<Classifier> build(const NetSpec& spec)
{
    if (spec.arch == "cnn_lstm")
        return std::make_shared<CnnLstm>(spec.leads);
    if (spec.arch == "resnet1d" && spec.members >= 1 && spec.members <= 16 && spec.width >= 4 &&
        spec.width <= 256)
        return std::make_shared<ResNet1d>(spec.leads, spec.members, spec.width);
    return nullptr;
}

} // namespace

namespace {

/// B x members log-odds of `input` (batch of one run as two: LibTorch 1.13 takes a much slower
/// convolution path for a batch of one, measured 14.8 ms vs 2.7 ms for two on one core).
torch::Tensor inferMembers(Classifier& module, const NetSpec& s, const float* input, int batch)
{
    auto x =
        torch::from_blob(const_cast<float*>(input), {batch, s.leads, s.samples}, torch::kFloat32);
    if (batch == 1)
        return module.forwardMembers(torch::cat({x, x}, 0)).slice(0, 0, 1).contiguous();
    return module.forwardMembers(x).contiguous();
}

class TorchNet final : public backend::NetModel
{
public:
    TorchNet(const NetSpec& spec, std::shared_ptr<Classifier> module)
        : m_spec(spec), m_module(std::move(module))
    {
        m_module->eval();
        m_module->fuseForInference();
        m_optimizer = std::make_unique<torch::optim::AdamW>(
            m_module->parameters(), torch::optim::AdamWOptions(1e-3).weight_decay(1e-2));
    }

    const NetSpec& spec() const override { return m_spec; }

    std::int64_t parameterCount() const override
    {
        std::int64_t n = 0;
        for (const auto& p : m_module->parameters())
            n += p.numel();
        return n;
    }

    Result<bool> save(const std::string& path) const override
    {
        try {
            torch::serialize::OutputArchive archive;
            m_module->save(archive);
            archive.save_to(path);
        } catch (const std::exception& e) {
            return Result<bool>::failure(path + ": cannot write weights (" + e.what() + ")");
        }
        return true;
    }

    std::vector<float> forward(const float* input, int batch) const override
    {
        if (batch <= 0)
            return {};
        c10::InferenceMode guard;
        auto y = inferMembers(*m_module, m_spec, input, batch).mean(1).contiguous();
        return std::vector<float>(y.data_ptr<float>(), y.data_ptr<float>() + batch);
    }

    std::vector<float> forwardMembers(const float* input, int batch) const override
    {
        if (batch <= 0)
            return {};
        c10::InferenceMode guard;
        auto y = inferMembers(*m_module, m_spec, input, batch);
        return std::vector<float>(y.data_ptr<float>(), y.data_ptr<float>() + y.numel());
    }

    int memberCount() const override { return m_module->memberCount(); }

    Result<bool> enableAuxiliary(int outputs) override
    {
        if (outputs <= 0 || m_spec.arch != "resnet1d")
            return Result<bool>::failure("auxiliary labels need the ResNet architecture");
        const int k = m_spec.members;
        const int features = 8 * m_spec.width;
        m_aux = nn::Conv1d(nn::Conv1dOptions(k * features, k * outputs, 1).groups(k));
        m_auxDrop = nn::Dropout(0.3);
        m_auxOutputs = outputs;
        m_optimizer->add_param_group(torch::optim::OptimizerParamGroup(
            m_aux->parameters(), std::make_unique<torch::optim::AdamWOptions>(
                                     torch::optim::AdamWOptions(1e-3).weight_decay(1e-2))));
        return true;
    }

    float trainStepMasked(const float* input, const float* labels, const float* memberMask,
                          int batch, float posWeight, const float* auxTargets,
                          float auxWeight) override
    {
        const auto& s = m_spec;
        auto& module = *m_module;
        const int k = module.memberCount();
        auto x = torch::from_blob(const_cast<float*>(input), {batch, s.leads, s.samples},
                                  torch::kFloat32)
                     .clone();
        auto t = torch::from_blob(const_cast<float*>(labels), {batch, 1}, torch::kFloat32)
                     .expand({batch, k});
        auto w =
            torch::from_blob(const_cast<float*>(memberMask), {batch, k}, torch::kFloat32).clone();
        module.unfuse();
        module.train();
        m_optimizer->zero_grad();
        const bool withAux = auxTargets && m_auxOutputs > 0 && auxWeight > 0;
        if (withAux)
            m_aux->train();
        auto [logits, pooled] = module.forwardWithFeatures(x);
        // Per member: mean loss over the examples it may learn from; members add up (their
        // parameters are disjoint, so each gets exactly its own gradient).
        auto perExample = torch::binary_cross_entropy_with_logits(
            logits, t, {}, torch::full({1}, posWeight, torch::kFloat32), at::Reduction::None);
        if (withAux && pooled.defined()) {
            const int a = m_auxOutputs;
            auto auxLogits = m_aux->forward(m_auxDrop->forward(pooled)).view({batch, k, a});
            auto at =
                torch::from_blob(const_cast<float*>(auxTargets), {batch, 1, a}, torch::kFloat32)
                    .expand({batch, k, a});
            auto auxPer =
                torch::binary_cross_entropy_with_logits(auxLogits, at, {}, {}, at::Reduction::None)
                    .mean(2);
            perExample = perExample + auxWeight * auxPer;
        }
        auto loss = ((perExample * w).sum(0) / w.sum(0).clamp_min(1.0f)).sum();
        loss.backward();
        m_optimizer->step();
        module.eval();
        return loss.item<float>() / float(k);
    }

    void setLearningRate(double lr, double weightDecay) override
    {
        for (auto& group : m_optimizer->param_groups()) {
            auto& o = static_cast<torch::optim::AdamWOptions&>(group.options());
            o.lr(lr);
            o.weight_decay(weightDecay);
        }
    }

    std::vector<char> snapshot() const override
    {
        torch::serialize::OutputArchive archive;
        m_module->save(archive);
        std::ostringstream ss;
        archive.save_to(ss);
        const std::string s = ss.str();
        return std::vector<char>(s.begin(), s.end());
    }

    void restore(const std::vector<char>& bytes) override
    {
        std::istringstream ss(std::string(bytes.begin(), bytes.end()));
        torch::serialize::InputArchive archive;
        archive.load_from(ss);
        m_module->load(archive);
        m_module->eval();
        m_module->fuseForInference();
    }

private:
    NetSpec m_spec;
    std::shared_ptr<Classifier> m_module;
    std::unique_ptr<torch::optim::AdamW> m_optimizer;
    /// Training only (not saved): one linear head per member for auxiliary labels.
    nn::Conv1d m_aux{nullptr};
    nn::Dropout m_auxDrop{nullptr};
    int m_auxOutputs = 0;
};

using NetResult = Result<std::unique_ptr<backend::NetModel>>;

class Backend final : public backend::TorchBackend
{
public:
    NetResult create(const NetSpec& spec, std::uint64_t seed) const override
    {
        torch::manual_seed(seed);
        auto module = build(spec);
        if (!module)
            return NetResult::failure("unknown network architecture \"" + spec.arch + "\"");
        return NetResult(std::make_unique<TorchNet>(spec, std::move(module)));
    }

    NetResult load(const NetSpec& spec, const std::string& bytes,
                   const std::string& name) const override
    {
        auto module = build(spec);
        if (!module)
            return NetResult::failure("unknown network architecture \"" + spec.arch + "\"");
        // Loading replaces each tensor whole, shape included, so a parameter of another shape
        // (e.g. weights of another width) would slip in unnoticed: compare the shapes before and
        // after.
        const auto shapes = [&] {
            std::vector<std::pair<std::string, std::vector<std::int64_t>>> out;
            for (const auto& p : module->named_parameters())
                out.emplace_back(p.key(), p.value().sizes().vec());
            for (const auto& b : module->named_buffers())
                out.emplace_back(b.key(), b.value().sizes().vec());
            return out;
        };
        const auto built = shapes();
        const std::string refused =
            name + ": weights do not match the " + spec.arch + " architecture or are damaged (";
        try {
            torch::serialize::InputArchive archive;
            archive.load_from(bytes.data(), bytes.size());
            module->load(archive);
        } catch (const std::exception& e) {
            return NetResult::failure(refused + std::string(e.what()).substr(0, 200) + ")");
        }
        const auto loaded = shapes();
        for (std::size_t k = 0; k < built.size() && k < loaded.size(); ++k)
            if (loaded[k] != built[k])
                return NetResult::failure(refused + built[k].first + " has another shape)");
        return NetResult(std::make_unique<TorchNet>(spec, std::move(module)));
    }

    void setThreads(int threads) const override { torch::set_num_threads(threads); }
    int threads() const override { return torch::get_num_threads(); }
};

} // namespace

} // namespace ecglens::ml

extern "C" __attribute__((visibility("default"))) const ecglens::ml::backend::TorchBackend*
ecglens_torch_backend(const char* build)
{
    static const ecglens::ml::Backend backend;
    return build && std::strcmp(build, ecglens::ml::backend::kTorchBackendBuild) == 0 ? &backend
                                                                                      : nullptr;
}

extern "C" __attribute__((visibility("default"))) const char* ecglens_torch_backend_build()
{
    return ecglens::ml::backend::kTorchBackendBuild;
}
