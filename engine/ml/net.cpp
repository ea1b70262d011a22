#include "ml/net.h"

#include <torch/torch.h>

#include <sstream>

namespace ecglens::ml {

namespace {

namespace nn = torch::nn;

struct Classifier : nn::Module
{
    virtual torch::Tensor forward(torch::Tensor x) = 0;
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

struct ResBlock : nn::Module
{
    nn::Conv1d c1{nullptr}, c2{nullptr}, down{nullptr};
    nn::BatchNorm1d b1{nullptr}, b2{nullptr}, bd{nullptr};

    ResBlock(int in, int outCh, int stride, int k)
    {
        c1 = register_module(
            "c1",
            nn::Conv1d(nn::Conv1dOptions(in, outCh, k).stride(stride).padding(k / 2).bias(false)));
        b1 = register_module("b1", nn::BatchNorm1d(outCh));
        c2 = register_module(
            "c2", nn::Conv1d(nn::Conv1dOptions(outCh, outCh, k).padding(k / 2).bias(false)));
        b2 = register_module("b2", nn::BatchNorm1d(outCh));
        if (stride != 1 || in != outCh) {
            down = register_module(
                "down", nn::Conv1d(nn::Conv1dOptions(in, outCh, 1).stride(stride).bias(false)));
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
};

/// Small 1-D ResNet: strided stem, four residual blocks, average+max pooling head.
struct ResNet1d : Classifier
{
    nn::Conv1d stem{nullptr};
    nn::BatchNorm1d stemBn{nullptr};
    std::vector<std::shared_ptr<ResBlock>> blocks;
    nn::Dropout drop{nullptr};
    nn::Linear out{nullptr};

    explicit ResNet1d(int leads)
    {
        stem = register_module(
            "stem", nn::Conv1d(nn::Conv1dOptions(leads, 32, 7).stride(2).padding(3).bias(false)));
        stemBn = register_module("stem_bn", nn::BatchNorm1d(32));
        const int cfg[4][3] = {{32, 32, 1}, {32, 64, 2}, {64, 128, 2}, {128, 128, 2}};
        for (int i = 0; i < 4; ++i)
            blocks.push_back(
                register_module("block" + std::to_string(i),
                                std::make_shared<ResBlock>(cfg[i][0], cfg[i][1], cfg[i][2], 5)));
        drop = register_module("drop", nn::Dropout(0.3));
        out = register_module("out", nn::Linear(256, 1));
    }
    torch::Tensor forward(torch::Tensor x) override
    {
        x = torch::relu(stemBn->forward(stem->forward(x)));
        x = torch::max_pool1d(x, 3, 2, 1);
        for (auto& b : blocks)
            x = b->forward(x);
        auto pooled = torch::cat({x.mean(2), std::get<0>(x.max(2))}, 1);
        return out->forward(drop->forward(pooled)).squeeze(1);
    }
};

std::shared_ptr<Classifier> build(const NetSpec& spec)
{
    if (spec.arch == "cnn_lstm")
        return std::make_shared<CnnLstm>(spec.leads);
    if (spec.arch == "resnet1d")
        return std::make_shared<ResNet1d>(spec.leads);
    return nullptr;
}

} // namespace

struct Net::Impl
{
    NetSpec spec;
    std::shared_ptr<Classifier> module;
    std::unique_ptr<torch::optim::AdamW> optimizer;
};

Net::Net(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Net::Net(Net&&) noexcept = default;
Net& Net::operator=(Net&&) noexcept = default;
Net::~Net() = default;

Result<Net> Net::create(const NetSpec& spec, std::uint64_t seed)
{
    torch::manual_seed(seed);
    auto impl = std::make_unique<Impl>();
    impl->spec = spec;
    impl->module = build(spec);
    if (!impl->module)
        return Result<Net>::failure("unknown network architecture \"" + spec.arch + "\"");
    impl->module->eval();
    impl->optimizer = std::make_unique<torch::optim::AdamW>(
        impl->module->parameters(), torch::optim::AdamWOptions(1e-3).weight_decay(1e-2));
    return Net(std::move(impl));
}

Result<Net> Net::load(const NetSpec& spec, const std::string& path)
{
    auto impl = std::make_unique<Impl>();
    impl->spec = spec;
    impl->module = build(spec);
    if (!impl->module)
        return Result<Net>::failure("unknown network architecture \"" + spec.arch + "\"");
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path);
        impl->module->load(archive);
    } catch (const std::exception& e) {
        return Result<Net>::failure(path + ": weights do not match the " + spec.arch +
                                    " architecture or are damaged (" +
                                    std::string(e.what()).substr(0, 200) + ")");
    }
    impl->module->eval();
    return Net(std::move(impl));
}

Result<bool> Net::save(const std::string& path) const
{
    try {
        torch::serialize::OutputArchive archive;
        m_impl->module->save(archive);
        archive.save_to(path);
    } catch (const std::exception& e) {
        return Result<bool>::failure(path + ": cannot write weights (" + e.what() + ")");
    }
    return true;
}

const NetSpec& Net::spec() const
{
    return m_impl->spec;
}

std::int64_t Net::parameterCount() const
{
    std::int64_t n = 0;
    for (const auto& p : m_impl->module->parameters())
        n += p.numel();
    return n;
}

std::vector<float> Net::forward(const float* input, int batch) const
{
    if (batch <= 0)
        return {};
    c10::InferenceMode guard;
    const auto& s = m_impl->spec;
    auto x =
        torch::from_blob(const_cast<float*>(input), {batch, s.leads, s.samples}, torch::kFloat32);
    if (batch == 1) {
        // LibTorch 1.13 takes a much slower convolution path for a batch of one (measured
        // 14.8 ms vs 2.7 ms for a batch of two on one core); run the window twice instead.
        auto y = m_impl->module->forward(torch::cat({x, x}, 0)).contiguous();
        return {y.data_ptr<float>()[0]};
    }
    auto y = m_impl->module->forward(x).contiguous();
    return std::vector<float>(y.data_ptr<float>(), y.data_ptr<float>() + batch);
}

float Net::trainStep(const float* input, const float* labels, int batch, float posWeight)
{
    const auto& s = m_impl->spec;
    auto x =
        torch::from_blob(const_cast<float*>(input), {batch, s.leads, s.samples}, torch::kFloat32)
            .clone();
    auto t = torch::from_blob(const_cast<float*>(labels), {batch}, torch::kFloat32).clone();
    m_impl->module->train();
    m_impl->optimizer->zero_grad();
    auto logits = m_impl->module->forward(x);
    auto loss = torch::binary_cross_entropy_with_logits(
        logits, t, {}, torch::full({1}, posWeight, torch::kFloat32));
    loss.backward();
    m_impl->optimizer->step();
    m_impl->module->eval();
    return loss.item<float>();
}

void Net::setLearningRate(double lr, double weightDecay)
{
    for (auto& group : m_impl->optimizer->param_groups()) {
        auto& o = static_cast<torch::optim::AdamWOptions&>(group.options());
        o.lr(lr);
        o.weight_decay(weightDecay);
    }
}

std::vector<char> Net::snapshot() const
{
    torch::serialize::OutputArchive archive;
    m_impl->module->save(archive);
    std::ostringstream ss;
    archive.save_to(ss);
    const std::string s = ss.str();
    return std::vector<char>(s.begin(), s.end());
}

void Net::restore(const std::vector<char>& bytes)
{
    std::istringstream ss(std::string(bytes.begin(), bytes.end()));
    torch::serialize::InputArchive archive;
    archive.load_from(ss);
    m_impl->module->load(archive);
    m_impl->module->eval();
}

void Net::setThreads(int threads)
{
    torch::set_num_threads(threads);
}
int Net::threads()
{
    return torch::get_num_threads();
}

} // namespace ecglens::ml
