#include "xai/normal_beat.h"

#include "core/lead_names.h"
#include "ml/detector.h"
#include "ml/json_lite.h"
#include "ml/model_files.h"
#include "ml/model_messages.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace ecglens::xai {

NormalBeatAccumulator::NormalBeatAccumulator(int leads, double fsHz, double beforeS, double afterS)
    : m_fsHz(fsHz), m_before(int(std::lround(beforeS * fsHz))),
      m_after(int(std::lround(afterS * fsHz))),
      m_sum(Eigen::MatrixXd::Zero(leads, m_before + m_after))
{}

int NormalBeatAccumulator::add(const Eigen::MatrixXf& window, const std::vector<int>& rPeaks)
{
    if (window.rows() != m_sum.rows() || !window.allFinite())
        return 0;
    const int len = int(m_sum.cols());
    Eigen::MatrixXd recordSum = Eigen::MatrixXd::Zero(m_sum.rows(), len);
    int count = 0;
    for (const int r : rPeaks) {
        const int first = r - m_before;
        if (first < 0 || first + len > window.cols())
            continue;
        recordSum += window.middleCols(first, len).cast<double>();
        ++count;
    }
    if (count == 0)
        return 0;
    m_sum += recordSum / double(count);
    ++m_records;
    m_beats += count;
    return count;
}

Result<NormalBeat> NormalBeatAccumulator::result() const
{
    if (m_records == 0)
        return Result<NormalBeat>::failure("no record contributed a whole beat");
    NormalBeat b;
    b.beat = (m_sum / double(m_records)).cast<float>();
    b.rIndex = m_before;
    b.fsHz = m_fsHz;
    b.records = m_records;
    b.beats = m_beats;
    return b;
}

std::string normalBeatJson(const NormalBeat& beat, const std::string& source)
{
    using ml::Json;
    Json o = Json::object();
    o.set("format", "ecglens-normal-beat-1");
    o.set("source", source);
    o.set("units", "mV, per-lead median of the 10 s window removed (model input)");
    o.set("fs_hz", beat.fsHz);
    o.set("r_index", beat.rIndex);
    o.set("samples", int(beat.beat.cols()));
    o.set("records", beat.records);
    o.set("beats", beat.beats);
    Json leads = Json::array(), rows = Json::array();
    for (int lead = 0; lead < int(beat.beat.rows()); ++lead) {
        leads.push(lead < int(kStandardLeads.size()) ? kStandardLeads[std::size_t(lead)] : "?");
        Json row = Json::array();
        for (int t = 0; t < int(beat.beat.cols()); ++t)
            row.push(double(beat.beat(lead, t)));
        rows.push(row);
    }
    o.set("leads", leads);
    o.set("beat", rows);
    return o.dump(2) + "\n";
}

Result<bool> saveNormalBeat(const std::string& dir, const NormalBeat& beat,
                            const std::string& source)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    const std::string path = (fs::path(dir) / kNormalBeatFile).string();
    if (!ml::writeTextFile(path, normalBeatJson(beat, source)))
        return Result<bool>::failure(path + ": cannot be written");
    return ml::writeManifest(dir, {kNormalBeatFile});
}

Result<NormalBeat> loadNormalBeat(const std::string& dir)
{
    using R = Result<NormalBeat>;
    ml::VerifiedFiles verified;
    if (const auto manifest = ml::verifyManifestFiles(dir, {kNormalBeatFile},
                                                      ml::ManifestOwner::NormalBeat, &verified);
        !manifest)
        return R::failureOf(manifest);
    const auto notNormalBeat = [&] {
        return R::failure(
            makeMessage(ml::messages::kBaselineNotNormalBeat, {dir, kNormalBeatFile}));
    };
    const auto text = ml::verifiedOrRead(dir, kNormalBeatFile, &verified);
    const auto json = text ? ml::Json::parse(*text) : Result<ml::Json>::failure(text.error());
    if (!json || (*json)["format"].string() != "ecglens-normal-beat-1")
        return notNormalBeat();
    const ml::Json& o = *json;
    NormalBeat b;
    b.fsHz = o["fs_hz"].number();
    b.rIndex = int(o["r_index"].number(-1));
    b.records = int(o["records"].number());
    b.beats = (long long)o["beats"].number();
    b.description = o["source"].string();
    b.sha256 = verified[kNormalBeatFile].sha256;
    const auto& rows = o["beat"].items();
    const int len = rows.empty() ? 0 : int(rows.front().items().size());
    if (rows.empty() || len == 0 || b.fsHz <= 0 || b.rIndex < 0 || b.rIndex >= len)
        return notNormalBeat(); // no usable beat
    b.beat.resize(Eigen::Index(rows.size()), len);
    for (std::size_t lead = 0; lead < rows.size(); ++lead) {
        const auto& values = rows[lead].items();
        if (int(values.size()) != len)
            return notNormalBeat(); // leads of different lengths
        for (int t = 0; t < len; ++t)
            b.beat(Eigen::Index(lead), t) = float(values[std::size_t(t)].number(NAN));
    }
    if (!b.beat.allFinite())
        return notNormalBeat(); // non-numeric samples
    return b;
}

std::string defaultBaselineDir()
{
    if (const char* env = std::getenv("ECGLENS_BASELINE_DIR"); env && *env) {
        std::error_code ec;
        if (fs::exists(fs::path(env) / ml::kManifestFile, ec))
            return env;
    }
    return ml::shippedModelFolder("baselines");
}

void applyNormalTemplate(ExplainOptions& options, const NormalBeat& beat)
{
    options.baseline = BaselineKind::NormalTemplate;
    options.normalBeat = beat.beat;
    options.normalBeatRIndex = beat.rIndex;
}

Result<NormalBeat> useNormalTemplate(ExplainOptions& options, const std::string& dir)
{
    const std::string folder = dir.empty() ? defaultBaselineDir() : dir;
    if (folder.empty())
        return Result<NormalBeat>::failure(
            "the normal-template baseline is not installed (no models/baselines folder found; "
            "set ECGLENS_BASELINE_DIR or reinstall ECG Lens); use the isoelectric baseline");
    auto beat = loadNormalBeat(folder);
    if (!beat)
        return beat;
    applyNormalTemplate(options, *beat);
    return beat;
}

} // namespace ecglens::xai
