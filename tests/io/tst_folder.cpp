// Listing the recordings in a folder (io::listRecordings), the worklist's source. Expected lists
// come from the data's own structure, read by hand: MIT-BIH and PTB-XL have one header per
// record; the multi-segment samples' master headers name their segments (checked with `head`
// on each header); the formats folder holds one aECG, one DICOM, one SCP-ECG and a README.

#include "io/folder.h"
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
        QVERIFY2(
            QString::fromStdString(l->warnings.front()).contains(QLatin1String("cannot be read")),
            l->warnings.front().c_str());
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
