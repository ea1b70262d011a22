#include "ml/classical.h"

#include "ml/metrics.h"
#include "ml/model_files.h"
#include "ml/shared_library.h"

#include <xgboost/c_api.h>

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

namespace ecglens::ml {

namespace fs = std::filesystem;

namespace {

/// The part of libxgboost's C API the measurement models use, resolved on first use (see
/// shared_library.h: linking it would load it, and its OpenMP runtime, with every program start).
struct XgbApi
{
#define ECGLENS_XGB_FUNCTIONS(X)                                                                   \
    X(XGBGetLastError)                                                                             \
    X(XGDMatrixCreateFromMat)                                                                      \
    X(XGDMatrixFree)                                                                               \
    X(XGDMatrixSetFloatInfo)                                                                       \
    X(XGBoosterCreate)                                                                             \
    X(XGBoosterFree)                                                                               \
    X(XGBoosterSetParam)                                                                           \
    X(XGBoosterUpdateOneIter)                                                                      \
    X(XGBoosterPredictFromDMatrix)                                                                 \
    X(XGBoosterLoadModelFromBuffer)                                                                \
    X(XGBoosterSaveModel)                                                                          \
    X(XGBoosterGetNumFeature)                                                                      \
    X(XGBoosterBoostedRounds)
#define ECGLENS_XGB_POINTER(name) decltype(&::name) name = nullptr;
    ECGLENS_XGB_FUNCTIONS(ECGLENS_XGB_POINTER)
#undef ECGLENS_XGB_POINTER
};

/// Opens libxgboost once per process (thread-safe); the error names what is missing.
const Result<XgbApi>& xgboostApi()
{
    static const Result<XgbApi> loaded = []() -> Result<XgbApi> {
        auto lib = openSharedLibrary(
            {ECGLENS_XGBOOST_SONAME, ECGLENS_XGBOOST_PATH, ECGLENS_XGBOOST_LIBRARY},
            "libxgboost (" ECGLENS_XGBOOST_SONAME ", for the random forest and gradient-boosting "
            "models)",
            "Install Debian's libxgboost0 package (packaging/install-deps.sh installs it).");
        if (!lib)
            return Result<XgbApi>::failure(lib.error());
        XgbApi api;
        std::string missing;
#define ECGLENS_XGB_RESOLVE(name)                                                                  \
    api.name = reinterpret_cast<decltype(api.name)>(librarySymbol(*lib, #name));                   \
    if (!api.name)                                                                                 \
        missing += std::string(missing.empty() ? "" : ", ") + #name;
        ECGLENS_XGB_FUNCTIONS(ECGLENS_XGB_RESOLVE)
#undef ECGLENS_XGB_RESOLVE
        if (!missing.empty())
            return Result<XgbApi>::failure(lib->path + " lacks " + missing +
                                           " (another xgboost version?); install Debian's "
                                           "libxgboost0.");
        return api;
    }();
    return loaded;
}
#undef ECGLENS_XGB_FUNCTIONS

/// The API of a library already opened: only called where a booster exists, which needed it.
const XgbApi& xgb()
{
    return *xgboostApi();
}

} // namespace

bool isClassicalArch(const std::string& arch)
{
    return arch == "logreg" || arch == "forest" || arch == "gbm";
}

bool isClassicalModelDir(const std::string& modelDir)
{
    const auto model = readModelJson(modelDir);
    return model && isClassicalArch((*model)["arch"].string());
}

int XgbBooster::featureCount() const
{
    bst_ulong n = 0;
    if (m_handle)
        xgb().XGBoosterGetNumFeature(BoosterHandle(m_handle), &n);
    return int(n);
}

// ---------------------------------------------------------------------------------------------
// Logistic regression

namespace {

/// log(1 + exp(z)) without overflow.
double softplus(double z)
{
    return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));
}

double logisticObjective(const Eigen::MatrixXd& x, const Eigen::VectorXd& yv, double c,
                         const Eigen::VectorXd& w, double b)
{
    const Eigen::VectorXd z = (x * w).array() + b;
    double loss = 0;
    for (Eigen::Index i = 0; i < z.size(); ++i)
        loss += softplus(z[i]) - yv[i] * z[i];
    return c * loss + 0.5 * w.squaredNorm();
}

} // namespace

LogisticFit fitLogistic(const Eigen::MatrixXd& x, const std::vector<int>& y, double c,
                        int maxIterations, double tol)
{
    const Eigen::Index n = x.rows(), p = x.cols();
    Eigen::VectorXd yv(n);
    for (Eigen::Index i = 0; i < n; ++i)
        yv[i] = y[std::size_t(i)];
    LogisticFit fit;
    fit.coef = Eigen::VectorXd::Zero(p);
    double& b = fit.intercept;
    double f = logisticObjective(x, yv, c, fit.coef, b);
    for (int it = 0; it < maxIterations; ++it) {
        fit.iterations = it + 1;
        const Eigen::VectorXd z = (x * fit.coef).array() + b;
        Eigen::VectorXd prob(n), weight(n);
        for (Eigen::Index i = 0; i < n; ++i) {
            prob[i] = sigmoid(z[i]);
            weight[i] = c * prob[i] * (1.0 - prob[i]);
        }
        const Eigen::VectorXd r = prob - yv;
        // Gradient and Hessian of the objective in (w, b); the intercept is not penalised.
        Eigen::VectorXd g(p + 1);
        g.head(p) = c * (x.transpose() * r) + fit.coef;
        g[p] = c * r.sum();
        Eigen::MatrixXd h(p + 1, p + 1);
        const Eigen::MatrixXd xw = x.transpose() * weight.asDiagonal();
        h.topLeftCorner(p, p) = xw * x + Eigen::MatrixXd::Identity(p, p);
        h.topRightCorner(p, 1) = xw.rowwise().sum();
        h.bottomLeftCorner(1, p) = h.topRightCorner(p, 1).transpose();
        h(p, p) = weight.sum() + 1e-300;
        const Eigen::VectorXd step = h.ldlt().solve(g);
        const double decrement = g.dot(step);
        if (!std::isfinite(decrement))
            break;
        if (decrement <= 0 || step.cwiseAbs().maxCoeff() < tol) {
            fit.converged = true;
            break;
        }
        // Backtracking (Armijo); near the optimum the full Newton step is taken.
        double t = 1.0, fNew = f;
        Eigen::VectorXd wNew;
        double bNew = b;
        for (int k = 0; k < 40; ++k) {
            wNew = fit.coef - t * step.head(p);
            bNew = b - t * step[p];
            fNew = logisticObjective(x, yv, c, wNew, bNew);
            if (fNew <= f - 1e-4 * t * decrement + 1e-13 * std::max(1.0, std::fabs(f)))
                break;
            t *= 0.5;
        }
        fit.coef = wNew;
        b = bNew;
        f = fNew;
        if ((t * step).cwiseAbs().maxCoeff() < tol) {
            fit.converged = true;
            break;
        }
    }
    return fit;
}

// ---------------------------------------------------------------------------------------------
// xgboost

namespace {

std::string xgbError(const std::string& what)
{
    const char* e = xgb().XGBGetLastError();
    return "xgboost: " + what + " failed" + (e && *e ? std::string(": ") + e : std::string());
}

/// Row-major float copy of x for a DMatrix (NaN = missing). Freed by the destructor.
class DMatrix
{
public:
    explicit DMatrix(const Eigen::MatrixXd& x)
    {
        std::vector<float> buf(std::size_t(x.rows() * x.cols()));
        for (Eigen::Index i = 0; i < x.rows(); ++i)
            for (Eigen::Index j = 0; j < x.cols(); ++j)
                buf[std::size_t(i * x.cols() + j)] = float(x(i, j));
        m_ok = xgb().XGDMatrixCreateFromMat(buf.data(), bst_ulong(x.rows()), bst_ulong(x.cols()),
                                            std::numeric_limits<float>::quiet_NaN(), &m_h) == 0;
    }
    ~DMatrix()
    {
        if (m_h)
            xgb().XGDMatrixFree(m_h);
    }
    DMatrix(const DMatrix&) = delete;
    DMatrix& operator=(const DMatrix&) = delete;
    bool ok() const { return m_ok; }
    DMatrixHandle handle() const { return m_h; }

private:
    DMatrixHandle m_h = nullptr;
    bool m_ok = false;
};

/// Prediction of `type` (1 = margin, 2 = exact TreeSHAP contributions); empty on failure.
std::vector<float> predict(void* booster, const Eigen::MatrixXd& x, int type)
{
    DMatrix d(x);
    if (!d.ok() || x.rows() == 0)
        return {};
    const std::string config = "{\"type\": " + std::to_string(type) +
                               ", \"training\": false, \"iteration_begin\": 0, "
                               "\"iteration_end\": 0, \"strict_shape\": false}";
    const bst_ulong* shape = nullptr;
    bst_ulong dim = 0;
    const float* out = nullptr;
    if (xgb().XGBoosterPredictFromDMatrix(BoosterHandle(booster), d.handle(), config.c_str(),
                                          &shape, &dim, &out) != 0)
        return {};
    bst_ulong total = 1;
    for (bst_ulong i = 0; i < dim; ++i)
        total *= shape[i];
    return std::vector<float>(out, out + total);
}

} // namespace

Result<bool> XgbBooster::libraryAvailable()
{
    if (const auto& api = xgboostApi(); !api)
        return Result<bool>::failure(api.error());
    return true;
}

XgbBooster::XgbBooster() = default;
XgbBooster::XgbBooster(XgbBooster&& o) noexcept : m_handle(o.m_handle)
{
    o.m_handle = nullptr;
}
XgbBooster& XgbBooster::operator=(XgbBooster&& o) noexcept
{
    std::swap(m_handle, o.m_handle);
    return *this;
}
XgbBooster::~XgbBooster()
{
    if (m_handle)
        xgb().XGBoosterFree(BoosterHandle(m_handle));
}

Result<XgbBooster> XgbBooster::train(const Eigen::MatrixXd& x, const std::vector<int>& y,
                                     const std::vector<std::pair<std::string, std::string>>& params,
                                     int rounds,
                                     const std::function<bool(int, const XgbBooster&)>& perRound)
{
    using R = Result<XgbBooster>;
    if (const auto& api = xgboostApi(); !api)
        return R::failure(api.error());
    if (x.rows() == 0 || std::size_t(x.rows()) != y.size())
        return R::failure("xgboost: no training rows or labels do not match rows");
    DMatrix d(x);
    if (!d.ok())
        return R::failure(xgbError("creating the training matrix"));
    std::vector<float> labels(y.begin(), y.end());
    if (xgb().XGDMatrixSetFloatInfo(d.handle(), "label", labels.data(), bst_ulong(labels.size())) !=
        0)
        return R::failure(xgbError("setting labels"));
    XgbBooster b;
    BoosterHandle h = nullptr;
    DMatrixHandle dm = d.handle();
    if (xgb().XGBoosterCreate(&dm, 1, &h) != 0)
        return R::failure(xgbError("creating the booster"));
    b.m_handle = h;
    for (const auto& [k, v] : params)
        if (xgb().XGBoosterSetParam(h, k.c_str(), v.c_str()) != 0)
            return R::failure(xgbError("parameter " + k + "=" + v));
    for (int r = 0; r < rounds; ++r) {
        if (xgb().XGBoosterUpdateOneIter(h, r, d.handle()) != 0)
            return R::failure(xgbError("boosting round " + std::to_string(r + 1)));
        if (perRound && !perRound(r + 1, b))
            break;
    }
    return b;
}

Result<XgbBooster> XgbBooster::load(const std::string& bytes, const std::string& name)
{
    using R = Result<XgbBooster>;
    if (const auto& api = xgboostApi(); !api)
        return R::failure(api.error());
    XgbBooster b;
    BoosterHandle h = nullptr;
    if (xgb().XGBoosterCreate(nullptr, 0, &h) != 0)
        return R::failure(xgbError("creating a booster"));
    b.m_handle = h;
    if (xgb().XGBoosterLoadModelFromBuffer(h, bytes.data(), bst_ulong(bytes.size())) != 0)
        return R::failure(name + ": " + xgbError("loading the model"));
    // Inference threads are not part of the saved model.
    xgb().XGBoosterSetParam(h, "nthread", "2");
    return b;
}

Result<bool> XgbBooster::save(const std::string& path) const
{
    if (!m_handle || xgb().XGBoosterSaveModel(BoosterHandle(m_handle), path.c_str()) != 0)
        return Result<bool>::failure(path + ": " + xgbError("saving the model"));
    return true;
}

std::vector<double> XgbBooster::margins(const Eigen::MatrixXd& x) const
{
    const auto p = predict(m_handle, x, 1);
    return std::vector<double>(p.begin(), p.end());
}

Eigen::MatrixXd XgbBooster::contributions(const Eigen::MatrixXd& x) const
{
    const auto p = predict(m_handle, x, 2);
    const Eigen::Index cols = x.cols() + 1;
    Eigen::MatrixXd out = Eigen::MatrixXd::Zero(x.rows(), cols);
    if (p.size() != std::size_t(x.rows() * cols))
        return out;
    for (Eigen::Index i = 0; i < x.rows(); ++i)
        for (Eigen::Index j = 0; j < cols; ++j)
            out(i, j) = p[std::size_t(i * cols + j)];
    return out;
}

int XgbBooster::rounds() const
{
    int n = 0;
    if (m_handle)
        xgb().XGBoosterBoostedRounds(BoosterHandle(m_handle), &n);
    return n;
}

// ---------------------------------------------------------------------------------------------
// Model folder

Eigen::MatrixXd toMatrix(const FeaturePreprocessor& pre, const std::vector<FeatureRow>& rows)
{
    Eigen::MatrixXd x(Eigen::Index(rows.size()), Eigen::Index(pre.outputSize()));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto t = pre.transform(rows[i]);
        for (std::size_t j = 0; j < t.size(); ++j)
            x(Eigen::Index(i), Eigen::Index(j)) = t[j];
    }
    return x;
}

struct ClassicalModel::Impl
{
    ModelInfo info;
    FeaturePreprocessor pre;
    Eigen::VectorXd coef; // logistic regression
    double intercept = 0.0;
    std::optional<XgbBooster> booster; // forest, gbm
};

ClassicalModel::ClassicalModel(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
ClassicalModel::ClassicalModel(ClassicalModel&&) noexcept = default;
ClassicalModel& ClassicalModel::operator=(ClassicalModel&&) noexcept = default;
ClassicalModel::~ClassicalModel() = default;

namespace {

/// verifyManifestFiles() for a measurement model: model.json and its "weights_file" required.
Result<std::string> verifyClassicalManifest(const std::string& dir, VerifiedFiles* verified)
{
    const auto model = readModelJson(dir);
    const std::string weights = model ? (*model)["weights_file"].string() : std::string();
    return verifyManifestFiles(dir, {kModelFile, weights}, ManifestOwner::Model, verified);
}

} // namespace

Result<ClassicalModel> ClassicalModel::load(const std::string& modelDir)
{
    VerifiedFiles verified;
    const auto sha = verifyClassicalManifest(modelDir, &verified);
    if (!sha)
        return Result<ClassicalModel>::failure(sha.error());
    const auto model = readModelJson(modelDir, &verified);
    if (!model)
        return Result<ClassicalModel>::failure(model.error());
    if (const auto version = checkVersion(modelDir, *model, &verified); !version)
        return Result<ClassicalModel>::failure(version.error());
    return read(modelDir, *sha, &*model, &verified);
}

Result<ClassicalModel> ClassicalModel::read(const std::string& modelDir, const std::string& sha,
                                            const Json* model, const VerifiedFiles* verified)
{
    using R = Result<ClassicalModel>;
    const fs::path dir(modelDir);
    Result<Json> parsed = model ? Result<Json>(*model) : readModelJson(modelDir);
    if (!parsed)
        return R::failure(parsed.error());
    const Json& m = *parsed;
    auto impl = std::make_unique<Impl>();
    ModelInfo& info = impl->info;
    info.name = m["name"].string();
    info.version = m["version"].string();
    info.arch = m["arch"].string();
    info.sha256 = sha;
    if (!isClassicalArch(info.arch))
        return R::failure(modelDir + ": \"" + info.arch + "\" is not a measurement model");
    info.calibrationA = m["calibration"]["a"].number(1.0);
    info.calibrationB = m["calibration"]["b"].number(0.0);
    readThresholds(m["thresholds"], info.thresholds, info.ageGroupThresholds);
    info.trainedLeadSets = {"12"};
    auto pre = FeaturePreprocessor::fromJson(m["preprocessing"]);
    if (!pre)
        return R::failure(modelDir + ": " + pre.error() + "; the model is refused as mismatched");
    impl->pre = std::move(*pre);
    const std::string weightsFile = m["weights_file"].string();
    const std::string weights = (dir / weightsFile).string();
    const auto bytes = verifiedOrRead(modelDir, weightsFile, verified);
    if (!bytes)
        return R::failure(weights + ": cannot be read");
    if (info.arch == "logreg") {
        const auto wj = Json::parse(*bytes);
        if (!wj)
            return R::failure(weights + ": cannot be read as JSON");
        const auto& coef = (*wj)["coef"].items();
        if (coef.size() != impl->pre.outputSize())
            return R::failure(weights + ": " + std::to_string(coef.size()) + " coefficients for " +
                              std::to_string(impl->pre.outputSize()) +
                              " features; the model is refused as mismatched");
        impl->coef.resize(Eigen::Index(coef.size()));
        for (std::size_t j = 0; j < coef.size(); ++j)
            impl->coef[Eigen::Index(j)] = coef[j].number();
        impl->intercept = (*wj)["intercept"].number();
    } else {
        auto b = XgbBooster::load(*bytes, weights);
        if (!b)
            return R::failure(b.error());
        if (std::size_t(b->featureCount()) != impl->pre.outputSize())
            return R::failure(weights + ": a model of " + std::to_string(b->featureCount()) +
                              " features for " + std::to_string(impl->pre.outputSize()) +
                              " measurements; the model is refused as mismatched");
        impl->booster = std::move(*b);
    }
    return ClassicalModel(std::move(impl));
}

std::vector<double> ClassicalModel::margins(const std::vector<FeatureRow>& rows) const
{
    const Eigen::MatrixXd x = toMatrix(m_impl->pre, rows);
    if (m_impl->booster)
        return m_impl->booster->margins(x);
    const Eigen::VectorXd z = (x * m_impl->coef).array() + m_impl->intercept;
    return std::vector<double>(z.data(), z.data() + z.size());
}

double ClassicalModel::probability(double margin) const
{
    return sigmoid(m_impl->info.calibrationA * margin + m_impl->info.calibrationB);
}

std::vector<double> ClassicalModel::contributions(const FeatureRow& row) const
{
    const Eigen::MatrixXd x = toMatrix(m_impl->pre, {row});
    if (m_impl->booster) {
        const Eigen::MatrixXd c = m_impl->booster->contributions(x);
        return std::vector<double>(c.data(), c.data() + c.size()); // one row
    }
    std::vector<double> out;
    for (Eigen::Index j = 0; j < x.cols(); ++j)
        out.push_back(m_impl->coef[j] * x(0, j));
    out.push_back(m_impl->intercept);
    return out;
}

const std::vector<std::string>& ClassicalModel::featureNames() const
{
    return m_impl->pre.names();
}

const FeaturePreprocessor& ClassicalModel::preprocessor() const
{
    return m_impl->pre;
}

Thresholds ClassicalModel::thresholdsFor(std::optional<double> ageYears) const
{
    return thresholdsForAge(m_impl->info.ageGroupThresholds, m_impl->info.thresholds, ageYears);
}

const ModelInfo& ClassicalModel::info() const
{
    return m_impl->info;
}

} // namespace ecglens::ml
