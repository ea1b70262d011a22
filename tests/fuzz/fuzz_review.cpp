// Fuzz target: a review sidecar and a worklist verdict file as another program or workstation
// may have left them on a shared folder (damaged, truncated, hand-edited, hostile). The bytes are
// read the way the window reads them (ReviewStore::loadNow beside a small recording, and
// VerdictCache's first lookup). Invariants: a review either loads or says why not; a loaded one
// is stored again unchanged (its stored form is a fixed point), and merging it with itself
// changes nothing.

#include "fuzz_invariants.h"
#include "review_record.h"
#include "review_store.h"
#include "verdict_cache.h"

#include <QFile>
#include <QString>

#include <cstdio>
#include <cstdlib>

namespace {

void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "review invariant violated: %s\n", what);
        std::abort();
    }
}

/// A small recording (one lead of text samples) for the review to sit beside.
QString recording()
{
    static const QString path = [] {
        const QString p =
            QStringLiteral("/tmp/ecglens_fuzz_review_%1.csv").arg(QString::number(getpid()));
        QFile f(p);
        if (f.open(QIODevice::WriteOnly))
            f.write("0.1\n0.2\n0.3\n0.2\n0.1\n");
        return p;
    }();
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace ecglens;
    const QString rec = recording();
    const QString sidecar = ReviewStore::sidecarNextTo(rec);
    {
        QFile f(sidecar);
        if (!f.open(QIODevice::WriteOnly))
            return 0;
        f.write(reinterpret_cast<const char*>(data), qint64(size));
    }
    const ReviewLoad load = ReviewStore::loadNow(rec, QStringLiteral("/tmp/ecglens_fuzz_none"));
    check(load.found, "a review file beside the recording was not found");
    // Either it loaded or the window is told why not (damaged, newer version).
    if (load.error.isEmpty()) {
        const ReviewRecord stored = load.record.stored();
        check(stored.stored() == stored, "storing a loaded review again changed it");
        check(mergeReviews(stored, stored, stored).stored() == stored,
              "merging a review with itself changed it");
        QString error;
        const auto back = ReviewRecord::fromJson(stored.toJson(), &error);
        check(back.has_value(), "a stored review does not load");
    }
    QFile::remove(sidecar);

    // The same bytes as the worklist's verdict file.
    const std::string verdicts = fuzz::writeInputFile("verdicts", ".json", data, size);
    if (!verdicts.empty()) {
        const VerdictCache cache(QString::fromStdString(verdicts));
        if (const auto v =
                cache.find(VerdictCache::key(QString(64, QLatin1Char('0')), 50.0,
                                             QStringLiteral("M"), QString(64, QLatin1Char('f'))))) {
            check(v->probability >= 0.0 && v->probability <= 1.0,
                  "a verdict outside 0-1 was accepted");
            if (v->prompts) {
                check(v->prompts->size() <= VerdictCache::kMaxPrompts, "too many prompts kept");
                for (const QString& code : *v->prompts)
                    check(!code.isEmpty() && code.size() <= VerdictCache::kMaxPromptCode,
                          "an empty or overlong prompt code was kept");
            }
        }
        std::remove(verdicts.c_str());
    }
    return 0;
}
