// The worklist's verdict file (VerdictCache): reading it (the first lookup of a listing) and a
// save (read, merge, write; after every 25 verdicts of a detector run), at a ward's size and at
// the 20,000-entry cap. Baseline in the same run: reading and atomically writing the same bytes
// without parsing them. These are the pauses the worklist keeps off the GUI thread.

#include "verdict_cache.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <memory>

using namespace ecglens;

namespace {

QString keyOf(int i)
{
    const QByteArray sha =
        QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha256).toHex();
    return VerdictCache::key(QString::fromLatin1(sha), 20.0 + i % 70, QStringLiteral("M"),
                             QString(64, QLatin1Char('a')));
}

/// A verdict file of `entries` verdicts in a temporary folder.
struct VerdictFile
{
    QTemporaryDir dir;
    QString path;
    explicit VerdictFile(int entries) : path(dir.filePath(QStringLiteral("verdicts.json")))
    {
        VerdictCache cache(path);
        for (int i = 0; i < entries; ++i)
            cache.insert(keyOf(i), {QStringLiteral("borderline"),
                                    (i % 1000) / 1000.0,
                                    QStringLiteral("resnet1d 2026-12-03+553a5308e418"),
                                    {},
                                    QStringList{}});
        if (!cache.save().isEmpty())
            std::abort();
    }
};

void BM_BaselineReadWriteBytes(benchmark::State& state)
{
    const VerdictFile file(int(state.range(0)));
    for (auto _ : state) {
        QFile in(file.path);
        if (!in.open(QIODevice::ReadOnly))
            std::abort();
        const QByteArray bytes = in.readAll();
        QSaveFile out(file.path);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
            std::abort();
    }
    state.counters["file_MB"] = QFile(file.path).size() / 1e6;
}

void BM_VerdictFileRead(benchmark::State& state)
{
    const VerdictFile file(int(state.range(0)));
    for (auto _ : state) {
        const VerdictCache cache(file.path);
        benchmark::DoNotOptimize(cache.find(keyOf(0)));
    }
}

void BM_VerdictFileSave25(benchmark::State& state)
{
    const VerdictFile file(int(state.range(0)));
    VerdictCache cache(file.path);
    int round = 0;
    for (auto _ : state) {
        state.PauseTiming();
        // 25 verdicts of the file again, newer: the file keeps its size.
        ++round;
        for (int i = 0; i < 25; ++i)
            cache.insert(keyOf(i), {QStringLiteral("normal"),
                                    round % 2 ? 0.01 : 0.02,
                                    QStringLiteral("m"),
                                    {},
                                    QStringList{}});
        state.ResumeTiming();
        if (!cache.save().isEmpty())
            std::abort();
    }
}

} // namespace

BENCHMARK(BM_BaselineReadWriteBytes)
    ->Arg(500)
    ->Arg(VerdictCache::kMaxEntries)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_VerdictFileRead)
    ->Arg(500)
    ->Arg(VerdictCache::kMaxEntries)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_VerdictFileSave25)
    ->Arg(500)
    ->Arg(VerdictCache::kMaxEntries)
    ->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
