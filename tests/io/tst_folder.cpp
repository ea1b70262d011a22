// Listing the recordings in a folder (io::listRecordings), the worklist's source. Expected lists
// come from the data's own structure, read by hand: MIT-BIH and PTB-XL have one header per
// record; the multi-segment samples' master headers name their segments (checked with `head`
// on each header); the formats folder holds one aECG, one DICOM, one SCP-ECG and a README.

#include "io/folder.h"
#include "io/open.h"
#include "test_data.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace ecglens;

namespace {

/// Paths relative to `folder`, '/'-separated, in listing order.
QStringList relative(const io::FolderListing& l, const QString& folder, bool tentative = false)
{
    QStringList out;
    const QDir dir(folder);
    for (const io::FolderEntry& e : l.recordings)
        if (e.tentative == tentative)
            out << dir.relativeFilePath(QString::fromStdString(e.path));
    return out;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(path));
    f.write(bytes);
}

void copyFile(const QString& from, const QString& to)
{
    QDir().mkpath(QFileInfo(to).absolutePath());
    QVERIFY2(QFile::copy(from, to), qPrintable(from + QStringLiteral(" -> ") + to));
}

QString startText(const std::optional<DateTime>& t)
{
    if (!t)
        return QStringLiteral("none");
    return QStringLiteral("%1-%2-%3 %4:%5:%6 %7")
        .arg(t->date.year)
        .arg(t->date.month)
        .arg(t->date.day)
        .arg(t->hour)
        .arg(t->minute)
        .arg(t->second, 0, 'g', 17)
        .arg(t->hasDate);
}

/// What a list shows, as text, so that a mismatch names the field.
QString summaryText(const io::RecordingSummary& s)
{
    return QStringLiteral("format=%1 id=%2 age=%3 sex=%4 birth=%5 start=%6 duration=%7 leads=%8 "
                          "fs=%9")
        .arg(QString::fromStdString(s.format), QString::fromStdString(s.patient.id),
             s.patient.ageYears ? QString::number(*s.patient.ageYears, 'g', 17) : QString(),
             QString::fromLatin1(sexCode(s.patient.sex)),
             s.patient.birthDate ? QStringLiteral("%1-%2-%3")
                                       .arg(s.patient.birthDate->year)
                                       .arg(s.patient.birthDate->month)
                                       .arg(s.patient.birthDate->day)
                                 : QString(),
             startText(s.start), QString::number(s.durationS, 'g', 17))
        .arg(s.leadCount)
        .arg(s.fsHz, 0, 'g', 17);
}

/// describe() against the summary of open() on the same file: empty when they agree (both
/// fail with the same message, or both give the same summary), else what differs.
QString describeMismatch(const std::string& path, bool* headerOnly = nullptr,
                         bool* readable = nullptr)
{
    io::OpenOptions o;
    o.loadAnnotations = false;
    const auto opened = io::open(path, o);
    const auto described = io::describe(path);
    if (headerOnly)
        *headerOnly = described.ok() && !described->samplesRead;
    if (readable)
        *readable = described.ok();
    const QString p = QString::fromStdString(path);
    if (opened.ok() != described.ok())
        return p + QStringLiteral(": open ") +
               (opened.ok() ? QStringLiteral("reads it") : QString::fromStdString(opened.error())) +
               QStringLiteral(", describe ") +
               (described.ok() ? QStringLiteral("reads it")
                               : QString::fromStdString(described.error()));
    if (!opened.ok())
        return opened.error() == described.error()
                   ? QString()
                   : p + QStringLiteral(": errors differ: ") +
                         QString::fromStdString(opened.error()) + QStringLiteral(" | ") +
                         QString::fromStdString(described.error());
    const QString a = summaryText(io::summaryOf(*opened)), b = summaryText(*described);
    return a == b ? QString()
                  : p + QStringLiteral(":\n open     ") + a + QStringLiteral("\n describe ") + b;
}

} // namespace

class TestFolder : public QObject
{
    Q_OBJECT

private slots:
    void multiSegmentRecordsAreListedOnce()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/multi-segment"));
        const QString folder = test::dataPath(QStringLiteral("wfdb-samples/multi-segment"));
        const auto l = io::listRecordings(folder.toStdString());
        QVERIFY2(l.ok(), l.error().c_str());
        // 041s: master + 2 segments; fixed1: master + 3 segments sharing one .dat; p000878 and
        // s25047: masters with a layout header and numbered segments; s25047 also holds the
        // numerics record "...n", a single-segment record of its own.
        QCOMPARE(relative(*l, folder),
                 (QStringList{QStringLiteral("041s/041s.hea"), QStringLiteral("fixed1/v102s.hea"),
                              QStringLiteral("p000878/p000878-2137-10-26-16-57.hea"),
                              QStringLiteral("s25047/s25047-2704-05-04-10-44.hea"),
                              QStringLiteral("s25047/s25047-2704-05-04-10-44n.hea")}));
        for (const io::FolderEntry& e : l->recordings)
            QCOMPARE(e.format, io::Format::Wfdb);
        QVERIFY(!l->truncated);
    }

    void onePerRecordNotPerFile()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("mitdb/101.hea"));
        const QString folder = test::dataPath(QStringLiteral("mitdb"));
        const auto l = io::listRecordings(folder.toStdString());
        QVERIFY2(l.ok(), l.error().c_str());
        // 22 records, each a .hea, .dat and .atr: the signal and beat annotation files are parts
        // of the record, not recordings.
        const QStringList got = relative(*l, folder);
        QCOMPARE(got.size(), 22);
        QCOMPARE(got.first(), QStringLiteral("101.hea"));
        QCOMPARE(got.last(), QStringLiteral("230.hea"));
        for (const QString& p : got)
            QVERIFY2(p.endsWith(QLatin1String(".hea")), qPrintable(p));

        // LUDB: one header, one .dat and twelve per-lead annotation files per record.
        const QString ludb = test::dataPath(QStringLiteral("ludb/data"));
        const auto lu = io::listRecordings(ludb.toStdString());
        QVERIFY2(lu.ok(), lu.error().c_str());
        QCOMPARE(lu->recordings.size(), std::size_t(100));
    }

    void subFoldersAndTentativeText()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/ptbxl_database.csv"));
        const QString folder = test::dataPath(QStringLiteral("ptbxl"));
        const auto l = io::listRecordings(folder.toStdString());
        QVERIFY2(l.ok(), l.error().c_str());
        // 1,810 records at 100 Hz and 500 at 500 Hz (data README), in numbered sub-folders.
        const QStringList records = relative(*l, folder);
        QCOMPARE(records.size(), 2310);
        QCOMPARE(records.filter(QStringLiteral("records100/")).size(), 1810);
        QCOMPARE(records.first(), QStringLiteral("records100/00000/00001_lr.hea"));
        // The index and licence are plain text that might be a CSV recording: listed as
        // tentative, for the caller to try.
        QCOMPARE(relative(*l, folder, true),
                 (QStringList{QStringLiteral("LICENSE.txt"), QStringLiteral("ptbxl_database.csv"),
                              QStringLiteral("scp_statements.csv")}));
    }

    void vendorFormats()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("formats/ecgtoolkit-Example.scp"));
        const QString folder = test::dataPath(QStringLiteral("formats"));
        const auto l = io::listRecordings(folder.toStdString());
        QVERIFY2(l.ok(), l.error().c_str());
        QCOMPARE(relative(*l, folder), (QStringList{QStringLiteral("ecgkit-ecg_hl7.xml"),
                                                    QStringLiteral("ecgtoolkit-Example.dcm"),
                                                    QStringLiteral("ecgtoolkit-Example.scp"),
                                                    QStringLiteral("ecgtoolkit-Example.xml")}));
        QCOMPARE(l->recordings[0].format, io::Format::Hl7Aecg);
        QCOMPARE(l->recordings[1].format, io::Format::Dicom);
        QCOMPARE(l->recordings[2].format, io::Format::Scp);
        QCOMPARE(l->recordings[3].format, io::Format::Hl7Aecg);
    }

    void skipsHiddenReviewsAndLoops()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("mitdb/101.hea"));
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString root = tmp.path();
        for (const char* ext : {"hea", "dat", "atr"})
            copyFile(test::dataPath(QStringLiteral("mitdb/101.%1").arg(QLatin1String(ext))),
                     root + QStringLiteral("/ward/a/101.%1").arg(QLatin1String(ext)));
        copyFile(test::dataPath(QStringLiteral("formats/ecgtoolkit-Example.dcm")),
                 root + QStringLiteral("/ward/b/no-extension"));
        copyFile(test::dataPath(QStringLiteral("mitdb/106.hea")),
                 root + QStringLiteral("/.snapshot/106.hea"));
        writeFile(root + QStringLiteral("/ward/a/101.hea.ecglens-review.json"), "{}");
        // The lock file a review save takes (QLockFile: process ID, program, host), left by a
        // crash: not a recording by its content.
        writeFile(root + QStringLiteral("/ward/a/101.hea.ecglens-review.json.lock"),
                  "4242\necglens\nward-pc-3\n");
        writeFile(root + QStringLiteral("/notes.md"), "# ward round\n");
        writeFile(root + QStringLiteral("/broken.edf"), "0       truncated");
        std::error_code ec;
        std::filesystem::create_directory_symlink(
            root.toStdString(), QString(root + QStringLiteral("/ward/loop")).toStdString(), ec);
        QVERIFY2(!ec, ec.message().c_str());

        const auto l = io::listRecordings(root.toStdString());
        QVERIFY2(l.ok(), l.error().c_str());
        // The broken EDF is listed: opening it will say what is wrong, which a worklist shows.
        QCOMPARE(relative(*l, root),
                 (QStringList{QStringLiteral("broken.edf"), QStringLiteral("ward/a/101.hea"),
                              QStringLiteral("ward/b/no-extension")}));
        QCOMPARE(l->recordings[2].format, io::Format::Dicom); // by its content

        io::FolderListingOptions few;
        few.maxRecordings = 2;
        const auto cut = io::listRecordings(root.toStdString(), few);
        QVERIFY(cut.ok());
        QVERIFY(cut->truncated);
        QCOMPARE(cut->recordings.size(), std::size_t(2));
    }

    /// A sub-folder that cannot be read is named in the warnings and the rest is still listed.
    /// (Made unreadable for any user, root included: nested deeper than PATH_MAX, created with
    /// mkdirat one level at a time.)
    void unreadableSubfolderIsReportedNotHidden()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("formats/ecgtoolkit-Example.scp"));
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        copyFile(test::dataPath(QStringLiteral("formats/ecgtoolkit-Example.scp")),
                 tmp.filePath(QStringLiteral("a/x.scp")));
        copyFile(test::dataPath(QStringLiteral("formats/ecgtoolkit-Example.scp")),
                 tmp.filePath(QStringLiteral("z/y.scp")));
        int fd = ::open(QFile::encodeName(tmp.path()).constData(), O_RDONLY | O_DIRECTORY);
        QVERIFY(fd >= 0);
        const std::string level(200, 'd');
        std::size_t depth = tmp.path().size();
        while (depth < 4200) { // PATH_MAX is 4096
            QVERIFY(::mkdirat(fd, level.c_str(), 0700) == 0);
            const int next = ::openat(fd, level.c_str(), O_RDONLY | O_DIRECTORY);
            ::close(fd);
            QVERIFY(next >= 0);
            fd = next;
            depth += level.size() + 1;
        }
        ::close(fd);
        const auto l = io::listRecordings(tmp.path().toStdString());
        QVERIFY2(l.ok(), l.error().c_str());
        QCOMPARE(relative(*l, tmp.path()),
                 (QStringList{QStringLiteral("a/x.scp"), QStringLiteral("z/y.scp")}));
        QVERIFY(!l->warnings.empty());
        QVERIFY2(QString::fromStdString(l->warnings.front().text)
                     .contains(QLatin1String("cannot be read")),
                 l->warnings.front().text.c_str());
        QCOMPARE(l->warnings.front().id, std::string("reader.folder.subfolder_unreadable"));
        // QTemporaryDir cannot remove what is deeper than PATH_MAX: remove it level by level.
        std::error_code ec;
        std::filesystem::path deep = std::filesystem::path(tmp.path().toStdString()) / level;
        QVERIFY(::system(("cd '" + tmp.path().toStdString() + "' && rm -rf " + level).c_str()) ==
                0);
        QVERIFY(!std::filesystem::exists(deep, ec));
    }

    /// The files a recording's SHA-256 covers, as its header names them (read by hand with
    /// `head` on each header).
    void recordingFilesAsTheHeaderNamesThem()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("mitdb/101.hea"));
        ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/binformats.hea"));
        const auto names = [](const std::vector<std::string>& files) {
            QStringList out;
            for (const std::string& f : files)
                out << QFileInfo(QString::fromStdString(f)).fileName();
            return out;
        };
        const std::string mit = test::dataPath(QStringLiteral("mitdb/101")).toStdString();
        // Given as header, signal file or record name: header and signal file, not 101.atr.
        for (const std::string& given : {mit + ".hea", mit + ".dat", mit})
            QCOMPARE(names(io::recordingFiles(given)),
                     (QStringList{QStringLiteral("101.hea"), QStringLiteral("101.dat")}));
        QStringList bin{QStringLiteral("binformats.hea")};
        for (int i = 0; i < 10; ++i)
            bin << QStringLiteral("binformats.d%1").arg(i);
        QCOMPARE(names(io::recordingFiles(
                     test::dataPath(QStringLiteral("wfdb-samples/binformats.hea")).toStdString())),
                 bin);
        // 36 segments named, two present; the layout header's signals are "~" (no file).
        QCOMPARE(
            names(io::recordingFiles(
                test::dataPath(QStringLiteral("wfdb-samples/multi-segment/p000878/"
                                              "p000878-2137-10-26-16-57.hea"))
                    .toStdString())),
            (QStringList{QStringLiteral("p000878-2137-10-26-16-57.hea"),
                         QStringLiteral("3269321_layout.hea"), QStringLiteral("3269321_0001.hea"),
                         QStringLiteral("3269321_0001.dat"), QStringLiteral("3269321_0002.hea"),
                         QStringLiteral("3269321_0002.dat")}));
        const std::string scp =
            test::dataPath(QStringLiteral("formats/ecgtoolkit-Example.scp")).toStdString();
        QCOMPARE(io::recordingFiles(scp), std::vector<std::string>{scp});
        QVERIFY(io::recordingFiles(scp + ".missing").empty());
    }

    // The worklist describes recordings from their headers (io::describe) instead of reading
    // them: on every recording of the data folder, it must say what reading it says.
    void describeAgreesWithOpenOnEveryRecording()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/ptbxl_database.csv"));
        const auto listing = io::listRecordings(test::dataDir().toStdString());
        QVERIFY2(listing.ok(), listing.ok() ? "" : listing.error().c_str());
        int headerOnly = 0, read = 0, unreadable = 0;
        QStringList readNames, mismatches;
        for (const io::FolderEntry& e : listing->recordings) {
            bool fromHeader = false, readable = false;
            const QString m = describeMismatch(e.path, &fromHeader, &readable);
            if (!m.isEmpty())
                mismatches << m;
            if (!readable) {
                ++unreadable;
            } else if (fromHeader) {
                ++headerOnly;
            } else {
                ++read;
                if (e.format == io::Format::Wfdb || e.format == io::Format::Edf)
                    readNames << QFileInfo(QString::fromStdString(e.path)).fileName();
            }
        }
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        // Read in full: only the FLAC-compressed WFDB records (format 508/516/524 in their
        // headers), whose length only decoding tells; every other readable WFDB and EDF record
        // of the 2,400-odd is described from its header.
        readNames.sort();
        QCOMPARE(readNames, (QStringList{QStringLiteral("flac_3_constant.hea"),
                                         QStringLiteral("flacformats.hea"),
                                         QStringLiteral("mixedsignals.hea")}));
        QVERIFY2(headerOnly > 2400, qPrintable(QString::number(headerOnly)));
        QVERIFY(read >= 3 + 3); // the FLAC records and the SCP, DICOM and aECG files
        // 1003.hea names a 1003.dat the samples folder does not have: both fail alike.
        QVERIFY(unreadable >= 1);
    }

    // Damaged copies: describe() must cut a truncated file where reading it does, and fail
    // where reading fails, with the same words.
    void describeCutsDamagedRecordingsLikeOpen()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/100.hea"));
        ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/multi-segment/041s/041s.hea"));
        ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/test_generator_2.edf"));
        QTemporaryDir tmp;
        const QString samples = test::dataPath(QStringLiteral("wfdb-samples"));
        auto readAll = [](const QString& path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        const QByteArray dat100 = readAll(samples + QStringLiteral("/100.dat"));
        QCOMPARE(dat100.size(), 1950000); // 650,000 frames of 2 signals in format 212

        // Truncated signal file: 1,000,001 bytes hold 333,333 whole 3-byte frames.
        copyFile(samples + QStringLiteral("/100.hea"), tmp.filePath(QStringLiteral("cut/100.hea")));
        writeFile(tmp.filePath(QStringLiteral("cut/100.dat")), dat100.left(1'000'001));
        const std::string cut = tmp.filePath(QStringLiteral("cut/100.hea")).toStdString();
        QCOMPARE(describeMismatch(cut), QString());
        const auto cutSummary = io::describe(cut);
        QVERIFY(cutSummary.ok() && !cutSummary->samplesRead);
        QCOMPARE(cutSummary->durationS, 333333.0 / 360.0);
        QCOMPARE(cutSummary->leadCount, std::size_t(2));

        // An empty signal file fails both ways with the same message.
        copyFile(samples + QStringLiteral("/100.hea"),
                 tmp.filePath(QStringLiteral("empty/100.hea")));
        writeFile(tmp.filePath(QStringLiteral("empty/100.dat")), QByteArray());
        const std::string empty = tmp.filePath(QStringLiteral("empty/100.hea")).toStdString();
        QCOMPARE(describeMismatch(empty), QString());
        QVERIFY(!io::describe(empty).ok());

        // No length in the header: the signal file's size gives it.
        copyFile(samples + QStringLiteral("/100-no-len.hea"),
                 tmp.filePath(QStringLiteral("nolen/100-no-len.hea")));
        writeFile(tmp.filePath(QStringLiteral("nolen/100.dat")), dat100.left(360 * 3 * 60));
        const std::string noLen =
            tmp.filePath(QStringLiteral("nolen/100-no-len.hea")).toStdString();
        QCOMPARE(describeMismatch(noLen), QString());
        QCOMPARE(io::describe(noLen)->durationS, 60.0);

        // A multi-segment record whose second segment's header is gone ends after the first.
        const QString ms = samples + QStringLiteral("/multi-segment/041s/");
        for (const char* f : {"041s.hea", "041s01.hea", "041s01.dat", "041s02.dat"})
            copyFile(ms + QLatin1String(f), tmp.filePath(QStringLiteral("ms/") + QLatin1String(f)));
        const std::string multi = tmp.filePath(QStringLiteral("ms/041s.hea")).toStdString();
        QCOMPARE(describeMismatch(multi), QString());
        QVERIFY(!io::describe(multi)->samplesRead);

        // EDF: data records cut short, and a record count of -1 (unknown).
        QByteArray edf = readAll(samples + QStringLiteral("/test_generator_2.edf"));
        writeFile(tmp.filePath(QStringLiteral("edf/cut.edf")), edf.left(edf.size() - 10'000));
        QByteArray unknown = edf;
        unknown.replace(236, 8, "-1      ");
        writeFile(tmp.filePath(QStringLiteral("edf/unknown.edf")), unknown);
        for (const char* name : {"edf/cut.edf", "edf/unknown.edf"}) {
            const std::string path = tmp.filePath(QLatin1String(name)).toStdString();
            QCOMPARE(describeMismatch(path), QString());
            QVERIFY(!io::describe(path)->samplesRead);
        }
        QCOMPARE(
            io::describe(tmp.filePath(QStringLiteral("edf/unknown.edf")).toStdString())->durationS,
            io::describe(samples.toStdString() + "/test_generator_2.edf")->durationS);
    }

    void badFolders()
    {
        QTemporaryDir tmp;
        const std::string missing = QString(tmp.path() + QStringLiteral("/nowhere")).toStdString();
        auto l = io::listRecordings(missing);
        QVERIFY(!l.ok());
        QCOMPARE(QString::fromStdString(l.error()),
                 QString::fromStdString(missing + ": no such folder."));
        const QString file = tmp.filePath(QStringLiteral("x.edf"));
        writeFile(file, "0       ");
        l = io::listRecordings(file.toStdString());
        QVERIFY(!l.ok());
        QVERIFY(
            QString::fromStdString(l.error()).endsWith(QLatin1String("is a file, not a folder.")));

        // Cancelling: the callback is asked every 256 files.
        for (int i = 0; i < 300; ++i)
            writeFile(tmp.filePath(QStringLiteral("n%1.md").arg(i)), "x");
        io::FolderListingOptions cancel;
        int asked = 0;
        cancel.progress = [&](double) { return ++asked < 1; };
        l = io::listRecordings(tmp.path().toStdString(), cancel);
        QVERIFY(!l.ok());
        QCOMPARE(asked, 1);
        QCOMPARE(QString::fromStdString(l.error()), QStringLiteral("Cancelled."));
    }
};

QTEST_GUILESS_MAIN(TestFolder)
#include "tst_folder.moc"
