#include "cli_util.h"

#include "dsp/measurements.h"
#include "io/open.h"
#include "ml/classical.h"
#include "ml/detector.h"
#include "ml/net.h"
#include "xai/normal_beat.h"

#include <cmath>
#include <cstdio>
#include <functional>

namespace ecglens::cli {

namespace {

/// The shipped models the installation must hold, default first (models/CMakeLists.txt).
QStringList shippedModels()
{
    return QStringLiteral(ECGLENS_SHIPPED_MODELS).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

/// A demo recording with a known rate: the measurement check's reference.
constexpr double kDemoRateBpm = 72.0;
constexpr const char* kDemo = "demo:hr=72,fs=500,seconds=10,ectopic=0,seed=1,leads=12";

} // namespace

/// Installation check for IT departments: the libraries opened at first use, every shipped model
/// and baseline verified against its manifest, and the measurement and detector pipelines run on
/// a demo recording with a known rate. One line per check; exit 0 only if all pass.
int runSelftest(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Check this installation: the detector's libraries load, every shipped model and the "
        "explanation baseline match their manifests, and measurement and detection run on a "
        "built-in demo recording (72 bpm). Exit status 0 when every check passes."));
    int exitCode = kExitOk;
    if (!parseArgs(parser, args, 0, exitCode))
        return exitCode;

    int failed = 0;
    const auto check = [&](const char* what, const std::function<Result<std::string>()>& run) {
        Result<std::string> r = Result<std::string>::failure("not run");
        try {
            r = run();
        } catch (const std::exception& e) {
            r = Result<std::string>::failure(std::string("internal error: ") + e.what());
        }
        if (r)
            std::printf("ok      %-34s %s\n", what, r->c_str());
        else
            std::printf("FAILED  %-34s %s\n", what, r.error().c_str());
        std::fflush(stdout);
        failed += r ? 0 : 1;
    };
    using R = Result<std::string>;

    check("LibTorch module", [] {
        const auto ok = ml::Net::backendAvailable();
        return ok ? R("opened") : R::failure(ok.error());
    });
    check("libxgboost", [] {
        const auto ok = ml::XgbBooster::libraryAvailable();
        return ok ? R("opened") : R::failure(ok.error());
    });
    for (const QString& model : shippedModels()) {
        const std::string name = toStd(model);
        check(("model " + name).c_str(), [&name] {
            const std::string dir = ml::shippedModelFolder(name);
            if (dir.empty())
                return R::failure("not installed (no manifest.json found)");
            if (ml::isClassicalModelDir(dir)) {
                const auto m = ml::ClassicalModel::load(dir);
                return m ? R(m->info().version + " in " + dir) : R::failure(m.error());
            }
            const auto d = ml::Detector::load(dir);
            return d ? R(d->info().version + " in " + dir) : R::failure(d.error());
        });
    }
    check("explanation baseline", [] {
        const std::string dir = xai::defaultBaselineDir();
        if (dir.empty())
            return R::failure("not installed (no manifest.json found)");
        const auto beat = xai::loadNormalBeat(dir);
        return beat ? R("verified in " + dir) : R::failure(beat.error());
    });

    const auto demo = io::open(kDemo);
    check("measurement on the demo", [&] {
        if (!demo)
            return R::failure(demo.error());
        const auto a = dsp::analyse(*demo);
        if (!a)
            return R::failure("measurement did not complete");
        const double hr = a->measurements.values.heartRateBpm;
        char text[96];
        std::snprintf(text, sizeof text, "heart rate %.1f bpm (demo generated at %.0f bpm)", hr,
                      kDemoRateBpm);
        return std::abs(hr - kDemoRateBpm) <= 1.0 ? R(text) : R::failure(text);
    });
    check("detector on the demo", [&] {
        if (!demo)
            return R::failure(demo.error());
        const std::string dir = ml::defaultModelDir();
        const auto d = ml::Detector::load(dir);
        if (!d)
            return R::failure(dir.empty() ? std::string("no default model") : d.error());
        const auto first = ml::analyse(*d, *demo);
        const auto second = ml::analyse(*d, *demo);
        if (!first || !second)
            return R::failure(first ? second.error() : first.error());
        if (!(first->probability >= 0.0 && first->probability <= 1.0) ||
            first->probability != second->probability)
            return R::failure("probability not in [0, 1] or not reproducible");
        char text[96];
        std::snprintf(text, sizeof text, "probability %.3f, identical on a second run",
                      first->probability);
        return R(text);
    });

    std::printf("%s\n", failed == 0 ? "All checks passed."
                                    : (std::to_string(failed) + " check(s) failed.").c_str());
    return failed == 0 ? kExitOk : 1;
}

} // namespace ecglens::cli
