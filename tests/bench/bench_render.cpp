// Rendering speed of the ECG viewer (offscreen): frames per second while panning a 24-hour
// 3-lead 250 Hz Holter at 25 mm/s and while redrawing it fully zoomed out, plus the load time
// of that recording (demo generator + min/max pyramids). Baseline in the same run: panning a
// 10-second 12-lead resting ECG. Target: >= 30 fps, load < 2 s.
//
//   QT_QPA_PLATFORM=offscreen bench_render --benchmark_repetitions=5
//   (add --benchmark_report_aggregates_only=true for medians only)

#include "bench_util.h"

#include "ecg_plot.h"
#include "io/open.h"
#include "view/signal_view.h"

#include <QApplication>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>

using namespace ecglens;

namespace {

const char* kHolterSpec = "demo:seconds=86400,fs=250,leads=3";

std::shared_ptr<const view::SignalView> loadView(const char* spec)
{
    Result<Recording> r = io::open(spec);
    if (!r.ok()) {
        std::fprintf(stderr, "bench_render: %s\n", r.error().c_str());
        std::exit(1);
    }
    return view::SignalView::build(std::make_shared<const Recording>(std::move(r).value()));
}

std::shared_ptr<const view::SignalView> holter()
{
    static const auto view = loadView(kHolterSpec); // generated once for the render benches
    return view;
}

std::unique_ptr<EcgPlot> makePlot(std::shared_ptr<const view::SignalView> v, LeadLayout layout)
{
    auto plot = std::make_unique<EcgPlot>();
    plot->resize(1600, 900);
    plot->setPaperMetrics(PaperMetrics(96.0 / 25.4, 25.0, 10.0));
    plot->setLeadLayout(layout);
    plot->setSignalView(std::move(v));
    plot->show();
    QApplication::processEvents();
    return plot;
}

void BM_LoadHolter24h(benchmark::State& state)
{
    for (auto _ : state) {
        auto v = loadView(kHolterSpec);
        benchmark::DoNotOptimize(v);
    }
    state.counters["samples"] = 86400.0 * 250 * 3;
    state.counters["peakRSS_MB"] = double(bench::peakResidentBytes()) / 1e6;
}
BENCHMARK(BM_LoadHolter24h)->Unit(benchmark::kMillisecond)->Iterations(1);

/// One frame = move the window and repaint synchronously.
void panFrames(benchmark::State& state, EcgPlot& plot, double stepFraction)
{
    double start = plot.visibleStartS();
    for (auto _ : state) {
        start += stepFraction * plot.visibleSpanS();
        if (start + plot.visibleSpanS() > plot.durationS())
            start = 0;
        plot.setVisibleStartS(start);
        plot.replot(QCustomPlot::rpImmediateRefresh);
    }
    state.counters["fps"] =
        benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_PanBaseline10s12Lead(benchmark::State& state)
{
    auto plot = makePlot(loadView("demo:seconds=10,fs=500,leads=12"), LeadLayout::Grid3x4);
    plot->setZoom(1.5);
    panFrames(state, *plot, 0.02);
}
BENCHMARK(BM_PanBaseline10s12Lead)->Unit(benchmark::kMillisecond)->MinTime(1.0);

void BM_PanHolter24hTrueScale(benchmark::State& state)
{
    auto plot = makePlot(holter(), LeadLayout::Stack);
    plot->setVisibleStartS(12 * 3600.0);
    panFrames(state, *plot, 0.05); // a drag moves a few % of the screen per frame
}
BENCHMARK(BM_PanHolter24hTrueScale)->Unit(benchmark::kMillisecond)->MinTime(1.0);

void BM_PanHolter24hTenMinutes(benchmark::State& state)
{
    auto plot = makePlot(holter(), LeadLayout::Stack);
    plot->setZoom(plot->visibleSpanS() / 600.0); // 10 minutes on screen
    panFrames(state, *plot, 0.05);
}
BENCHMARK(BM_PanHolter24hTenMinutes)->Unit(benchmark::kMillisecond)->MinTime(1.0);

void BM_RedrawHolter24hZoomedOut(benchmark::State& state)
{
    auto plot = makePlot(holter(), LeadLayout::Stack);
    plot->zoomToFit();
    bool flip = false;
    for (auto _ : state) {
        // Alternate between the whole record and 99 % of it so every frame rebuilds the data.
        plot->setZoom(plot->zoom() * (flip ? 1.0 / 1.01 : 1.01));
        flip = !flip;
        plot->replot(QCustomPlot::rpImmediateRefresh);
    }
    state.counters["fps"] =
        benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RedrawHolter24hZoomedOut)->Unit(benchmark::kMillisecond)->MinTime(1.0);

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
