#include "xai/ecg_game.h"

#include "xai/exact_shapley.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>
#include <thread>

namespace ecglens::xai {

namespace {

float median(std::vector<float>& v)
{
    if (v.empty())
        return 0.0f;
    const std::size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + mid, v.end());
    float m = v[mid];
    if (v.size() % 2 == 0) {
        const float lower = *std::max_element(v.begin(), v.begin() + mid);
        m = 0.5f * (m + lower);
    }
    return m;
}

float medianOf(const Eigen::MatrixXf& m, int row, int start, int end)
{
    std::vector<float> v;
    for (int t = std::max(0, start); t < std::min<int>(int(m.cols()), end); ++t)
        if (std::isfinite(m(row, t)))
            v.push_back(m(row, t));
    return median(v);
}

// [start, end) of the PR segment (90-50 ms before the R peak), clipped to [0, n).
std::pair<int, int> prWindow(int rPeak, double fsHz, int n)
{
    const int start = rPeak - int(std::lround(0.09 * fsHz));
    const int end = rPeak - int(std::lround(0.05 * fsHz));
    return {std::max(0, start), std::min(n, std::max(end, start + 1))};
}

// levels(lead, segment): the isoelectric level used by both baselines.
Eigen::MatrixXf segmentLevels(const Eigen::MatrixXf& window,
                              const std::vector<TimeSegment>& segments, double fsHz)
{
    const int leads = int(window.rows()), n = int(window.cols());
    Eigen::MatrixXf levels(leads, Eigen::Index(segments.size()));
    for (int lead = 0; lead < leads; ++lead) {
        const float whole = medianOf(window, lead, 0, n);
        for (std::size_t s = 0; s < segments.size(); ++s) {
            float level = whole;
            if (segments[s].beat >= 0) {
                const auto [a, b] = prWindow(segments[s].beat, fsHz, n);
                if (segments[s].beat - int(std::lround(0.09 * fsHz)) >= 0 && b > a)
                    level = medianOf(window, lead, a, b);
            }
            levels(lead, Eigen::Index(s)) = level;
        }
    }
    return levels;
}

} // namespace

std::string baselineName(BaselineKind kind)
{
    return kind == BaselineKind::Isoelectric ? "isoelectric" : "normal template";
}

std::string playerKindName(PlayerKind kind)
{
    switch (kind) {
    case PlayerKind::Beats:
        return "beats";
    case PlayerKind::Seconds:
        return "seconds";
    case PlayerKind::Leads:
        return "leads";
    }
    return {};
}

Eigen::MatrixXf isoelectricBaseline(const Eigen::MatrixXf& window,
                                    const std::vector<TimeSegment>& segments, double fsHz)
{
    const int leads = int(window.rows()), n = int(window.cols());
    Eigen::MatrixXf out(leads, n);
    const Eigen::MatrixXf levels = segmentLevels(window, segments, fsHz);
    for (int lead = 0; lead < leads; ++lead) {
        out.row(lead).setConstant(medianOf(window, lead, 0, n));
        for (std::size_t s = 0; s < segments.size(); ++s) {
            const int a = std::max(0, segments[s].start), b = std::min(n, segments[s].end);
            if (b > a)
                out.row(lead).segment(a, b - a).setConstant(levels(lead, Eigen::Index(s)));
        }
    }
    return out;
}

Result<Eigen::MatrixXf>
alignedTemplateBaseline(const Eigen::MatrixXf& window, const Eigen::MatrixXf& beatTemplate,
                        int templateRIndex, const std::vector<TimeSegment>& segments, double fsHz)
{
    const int leads = int(window.rows()), n = int(window.cols());
    const int len = int(beatTemplate.cols());
    if (beatTemplate.rows() != window.rows())
        return Result<Eigen::MatrixXf>::failure("normal template has " +
                                                std::to_string(beatTemplate.rows()) +
                                                " leads, window has " + std::to_string(leads));
    if (templateRIndex < 0 || templateRIndex >= len)
        return Result<Eigen::MatrixXf>::failure("normal template R-peak index outside template");
    bool aligned = !segments.empty();
    for (const TimeSegment& s : segments)
        aligned = aligned && s.beat >= 0;
    if (!aligned)
        return Result<Eigen::MatrixXf>::failure(
            "the normal-template baseline needs detected beats; use the isoelectric baseline");

    Eigen::MatrixXf out = isoelectricBaseline(window, segments, fsHz);
    const Eigen::MatrixXf levels = segmentLevels(window, segments, fsHz);
    for (int lead = 0; lead < leads; ++lead) {
        const auto [pa, pb] = prWindow(templateRIndex, fsHz, len);
        const float templateLevel = medianOf(beatTemplate, lead, pa, pb);
        for (std::size_t s = 0; s < segments.size(); ++s) {
            const TimeSegment& seg = segments[s];
            const float level = levels(lead, Eigen::Index(s));
            for (int t = std::max(0, seg.start); t < std::min(n, seg.end); ++t) {
                const int k = templateRIndex + (t - seg.beat);
                if (k >= 0 && k < len)
                    out(lead, t) = beatTemplate(lead, k) - templateLevel + level;
            }
        }
    }
    return out;
}

void maskWindow(const Eigen::MatrixXf& window, const Eigen::MatrixXf& baseline,
                const std::vector<Player>& players, const Coalition& coalition,
                Eigen::MatrixXf& out)
{
    out = window;
    for (std::size_t p = 0; p < players.size(); ++p) {
        if (coalition[p])
            continue;
        const Player& pl = players[p];
        const int len = pl.end - pl.start;
        if (len > 0)
            out.row(pl.lead).segment(pl.start, len) = baseline.row(pl.lead).segment(pl.start, len);
    }
}

Game makeEcgGame(const Eigen::MatrixXf& window, const Eigen::MatrixXf& baseline,
                 const std::vector<Player>& players, ModelFn model, int modelBatch, int threads)
{
    struct State
    {
        Eigen::MatrixXf window, baseline;
        std::vector<Player> players;
        ModelFn model;
        std::size_t batch;
        std::vector<std::vector<Eigen::MatrixXf>> buffers; // one per thread, reused between calls
    };
    auto st = std::make_shared<State>(
        State{window, baseline, players, std::move(model), std::size_t(std::max(1, modelBatch)),
              std::vector<std::vector<Eigen::MatrixXf>>(std::size_t(std::max(1, threads)))});
    Game g;
    g.players = int(players.size());
    g.value = [st](const std::vector<Coalition>& coalitions) {
        const std::size_t batches = (coalitions.size() + st->batch - 1) / st->batch;
        const std::size_t workers = std::min(st->buffers.size(), batches);
        std::vector<double> values(coalitions.size());
        std::atomic<bool> failed{false};
        // Batches go round-robin to the workers; each value lands at its coalition's index.
        auto work = [&](std::size_t worker) {
            std::vector<Eigen::MatrixXf>& buffer = st->buffers[worker];
            for (std::size_t b = worker; b < batches && !failed; b += workers) {
                const std::size_t first = b * st->batch;
                const std::size_t count = std::min(st->batch, coalitions.size() - first);
                buffer.resize(count);
                for (std::size_t i = 0; i < count; ++i)
                    maskWindow(st->window, st->baseline, st->players, coalitions[first + i],
                               buffer[i]);
                std::vector<float> out;
                try {
                    out = st->model(buffer);
                } catch (...) { // reported as a size mismatch by the estimator
                }
                if (out.size() != count) {
                    failed = true;
                    return;
                }
                std::copy(out.begin(), out.end(), values.begin() + long(first));
            }
        };
        std::vector<std::thread> pool;
        for (std::size_t w = 1; w < workers; ++w)
            pool.emplace_back(work, w);
        if (workers > 0)
            work(0);
        for (std::thread& t : pool)
            t.join();
        return failed ? std::vector<double>() : values;
    };
    return g;
}

Result<Attribution> explainWindow(const Eigen::MatrixXf& window, double fsHz,
                                  const std::vector<int>& beats, const ModelFn& model,
                                  const ExplainOptions& options, const ProgressFn& progress)
{
    if (window.rows() < 1 || window.cols() < 2)
        return Result<Attribution>::failure("empty analysis window");
    if (fsHz <= 0)
        return Result<Attribution>::failure("sampling rate must be positive");
    if (!window.allFinite())
        return Result<Attribution>::failure(
            "analysis window contains invalid (NaN) samples; cannot explain it");
    if (!model)
        return Result<Attribution>::failure("no model to explain");

    const int n = int(window.cols());
    std::vector<int> leads;
    for (int lead = 0; lead < int(window.rows()); ++lead)
        if (std::size_t(lead) >= options.presentLeads.size() ||
            options.presentLeads[std::size_t(lead)])
            leads.push_back(lead);
    if (leads.empty())
        return Result<Attribution>::failure("no lead of the window is present; nothing to explain");
    Attribution a;
    a.fsHz = fsHz;
    a.baselineKind = options.baseline;
    Segmentation seg = segmentWindow(beats, n, fsHz);
    if (options.players == PlayerKind::Seconds)
        seg = Segmentation{fixedSegments(n, fsHz, 1.0), PlayerKind::Seconds, {}};
    if (options.players == PlayerKind::Beats)
        a.note = seg.note;

    if (options.baseline == BaselineKind::Isoelectric) {
        a.baseline = isoelectricBaseline(window, seg.segments, fsHz);
    } else {
        auto b = alignedTemplateBaseline(window, options.normalBeat, options.normalBeatRIndex,
                                         seg.segments, fsHz);
        if (!b)
            return Result<Attribution>::failure(b.error());
        a.baseline = std::move(*b);
    }

    if (options.players == PlayerKind::Leads) {
        a.players = leadPlayers(leads, n);
        a.playerKind = PlayerKind::Leads;
    } else {
        a.players = leadSegmentPlayers(leads, seg.segments);
        a.playerKind = seg.kind;
    }

    const Game game =
        makeEcgGame(window, a.baseline, a.players, model, options.modelBatch, options.threads);
    Result<ShapleyResult> r =
        game.players <= options.exactMaxPlayers
            ? exactShapley(game,
                           ExactOptions{options.exactMaxPlayers, 512, kExactEfficiencyTolerance},
                           progress)
            : kernelShap(game, options.kernel, progress);
    if (!r)
        return Result<Attribution>::failure(r.error());
    a.shap = std::move(*r);
    return a;
}

} // namespace ecglens::xai
