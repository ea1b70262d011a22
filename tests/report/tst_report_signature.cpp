// The digitally signed report, checked with tools that know nothing of ECG Lens: poppler's
// pdfsig (what PDF readers built on poppler show) and `openssl cms -verify` on the signed bytes.
// The signing identity is made by the openssl command for each run (test::makeSigningIdentity):
// a self-signed certificate for "Dr. Anna Müller" in a password-protected PKCS#12 file.

#include "pdf_signature.h"
#include "test_data.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ecglens;

namespace {

const QString kRecord = QStringLiteral("ptbxl/records500/00000/00001_hr.hea");
const QString kSigner = QStringLiteral("Dr. Anna Müller");
const QByteArray kPassword = "s3cret ü";

using Run = test::ProcessRun;

Run run(const QString& program, const QStringList& args, const QByteArray& input = {},
        const QStringList& env = {})
{
    return test::runProcess(program, args, env, input);
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

/// The four numbers of the signature's /ByteRange.
QList<qint64> byteRange(const QByteArray& pdf)
{
    const auto m =
        QRegularExpression(QStringLiteral(R"(/ByteRange \[(\d+) (\d+) +(\d+) +(\d+) *\])"))
            .match(QString::fromLatin1(pdf));
    QList<qint64> r;
    for (int i = 1; m.hasMatch() && i <= 4; ++i)
        r << m.captured(i).toLongLong();
    return r;
}

} // namespace

class TestReportSignature : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_p12, m_password, m_pdf, m_sha256;

    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    Run report(const QString& out, const QStringList& extra, const QByteArray& input = {},
               const QStringList& env = {})
    {
        return run(test::cliPath(),
                   QStringList{QStringLiteral("report"), test::dataPath(kRecord),
                               QStringLiteral("--out"), out, QStringLiteral("--no-analysis"),
                               QStringLiteral("--reviewer"), kSigner, QStringLiteral("--decision"),
                               QStringLiteral("normal")} +
                       extra,
                   input, env);
    }

private slots:
    void initTestCase()
    {
        for (const char* tool : {"openssl", "pdfsig", "pdftotext", "pdfinfo"})
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
                QFAIL(qPrintable(QStringLiteral("%1 not found: install openssl and poppler-utils "
                                                "(bash packaging/install-deps.sh)")
                                     .arg(QString::fromLatin1(tool))));
        ECGLENS_REQUIRE_DATA(kRecord);
        QVERIFY(m_dir.isValid());
        m_password = path("password.txt");
        QVERIFY(writeBytes(m_password, kPassword + '\n'));
        m_p12 = path("anna.p12");
        const QString made = test::makeSigningIdentity(
            m_p12, kSigner, QStringLiteral("digitalSignature,nonRepudiation"), m_password);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        // The certificate's fingerprint as openssl computes it.
        const Run fp = run(QStringLiteral("openssl"),
                           {QStringLiteral("x509"), QStringLiteral("-in"),
                            m_p12 + QStringLiteral(".pem"), QStringLiteral("-noout"),
                            QStringLiteral("-fingerprint"), QStringLiteral("-sha256")});
        QCOMPARE(fp.exitCode, 0);
        m_sha256 = QString::fromLatin1(fp.out.trimmed().split('=').last())
                       .remove(QLatin1Char(':'))
                       .toLower();
        QCOMPARE(m_sha256.size(), 64);

        m_pdf = path("signed.pdf");
        const Run r = report(m_pdf, {QStringLiteral("--sign"), m_p12,
                                     QStringLiteral("--sign-password-file"), m_password});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains(QByteArray(QByteArray("Signed by ") + kSigner.toUtf8())));
    }

    /// pdfsig: one signature, valid, by the certificate's name, SHA-256, over the whole file.
    void pdfsigFindsAValidSignatureOverTheWholeReport()
    {
        const Run sig = run(QStringLiteral("pdfsig"), {m_pdf});
        const QString out = QString::fromUtf8(sig.out);
        QVERIFY2(out.contains(QStringLiteral("Signature #1")), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("Signature #2")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Signature Validation: Signature is Valid.")),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Signer Certificate Common Name: ") + kSigner),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Signing Hash Algorithm: SHA-256")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Signature Type: adbe.pkcs7.detached")),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Total document signed")), qPrintable(out));
        // Still the report to a reader (the signature's paragraph may add a page), and it
        // names the signature.
        const QString unsignedPdf = path("unsigned.pdf");
        QCOMPARE(report(unsignedPdf, {}).exitCode, 0);
        const auto pages = [&](const QString& pdf) {
            const auto m = QRegularExpression(QStringLiteral(R"(Pages:\s+(\d+))"))
                               .match(QString::fromUtf8(run(QStringLiteral("pdfinfo"), {pdf}).out));
            return m.hasMatch() ? m.captured(1).toInt() : -1;
        };
        QVERIFY(pages(unsignedPdf) >= 2);
        QVERIFY(pages(m_pdf) >= pages(unsignedPdf));
        QVERIFY(!run(QStringLiteral("pdftotext"), {unsignedPdf, QStringLiteral("-")})
                     .out.contains("digitally signed"));
        const QString text =
            QString::fromUtf8(run(QStringLiteral("pdftotext"), {m_pdf, QStringLiteral("-")}).out)
                .simplified();
        QVERIFY2(text.contains(QStringLiteral("digitally signed by ") + kSigner), qPrintable(text));
        QVERIFY2(text.contains(m_sha256), qPrintable(text));
        // The certificate's end as openssl reads it (notAfter=2027-01-04 04:41:18Z).
        const Run end =
            run(QStringLiteral("openssl"),
                {QStringLiteral("x509"), QStringLiteral("-in"), m_p12 + QStringLiteral(".pem"),
                 QStringLiteral("-noout"), QStringLiteral("-enddate"), QStringLiteral("-dateopt"),
                 QStringLiteral("iso_8601")});
        const QString until = QString::fromLatin1(end.out).section(QLatin1Char('='), 1).left(10);
        QCOMPARE(until.size(), 10);
        QVERIFY2(text.contains(QStringLiteral("valid until ") + until), qPrintable(text));
    }

    /// openssl, on the bytes the byte range names: the CMS signature verifies against them, and
    /// the range leaves out exactly the signature's hex string.
    void opensslVerifiesTheSignedBytes()
    {
        const QByteArray pdf = fileBytes(m_pdf);
        const QList<qint64> r = byteRange(pdf);
        QCOMPARE(r.size(), 4);
        QCOMPARE(r[0], 0);
        QCOMPARE(r[2] + r[3], pdf.size());
        const QByteArray hex = pdf.mid(r[1], r[2] - r[1]);
        QVERIFY(hex.startsWith('<') && hex.endsWith('>'));
        QCOMPARE(hex.size(), 2 * report::kSignatureBytes + 2);
        QVERIFY(writeBytes(path("signed-bytes.bin"), pdf.left(r[1]) + pdf.mid(r[2])));
        const QByteArray der = QByteArray::fromHex(hex.mid(1, hex.size() - 2));
        QVERIFY(writeBytes(path("signature.der"), der));
        // openssl's check of the signature against the bytes in `content`.
        const auto verify = [&](const QString& content) {
            return run(QStringLiteral("openssl"),
                       {QStringLiteral("cms"), QStringLiteral("-verify"), QStringLiteral("-binary"),
                        QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"),
                        path("signature.der"), QStringLiteral("-content"), content,
                        QStringLiteral("-noverify"), QStringLiteral("-out"), path("verified.bin")});
        };
        const Run v = verify(path("signed-bytes.bin"));
        QVERIFY2(v.exitCode == 0, v.err.constData());
        QVERIFY2(v.err.contains("Verification successful"), v.err.constData());
        // A byte changed in the signed bytes: the same check fails.
        QByteArray changed = pdf.left(r[1]) + pdf.mid(r[2]);
        changed[changed.size() / 3] = char(changed[changed.size() / 3] ^ 0x01);
        QVERIFY(writeBytes(path("changed-bytes.bin"), changed));
        const Run bad = verify(path("changed-bytes.bin"));
        QVERIFY(bad.exitCode != 0);
    }

    /// A reader notices a change: one byte of a page's drawing changed, or a revision appended
    /// after the signature.
    void changesAfterSigningAreShown()
    {
        const QByteArray pdf = fileBytes(m_pdf);
        const QList<qint64> r = byteRange(pdf);
        QCOMPARE(r.size(), 4);
        const qsizetype stream = pdf.indexOf("stream\n", pdf.indexOf("/Contents "));
        QVERIFY(stream > 0 && stream + 100 < r[1]);
        QByteArray changed = pdf;
        changed[stream + 60] = char(changed[stream + 60] ^ 0x20);
        QVERIFY(writeBytes(path("changed.pdf"), changed));
        const QString out =
            QString::fromUtf8(run(QStringLiteral("pdfsig"), {path("changed.pdf")}).out);
        QVERIFY2(out.contains(QStringLiteral("Signature Validation: Digest Mismatch.")),
                 qPrintable(out));

        QVERIFY(writeBytes(path("appended.pdf"),
                           pdf + "1 0 obj\n<< /Title (changed) >>\nendobj\n%%EOF\n"));
        const QString appended =
            QString::fromUtf8(run(QStringLiteral("pdfsig"), {path("appended.pdf")}).out);
        QVERIFY2(appended.contains(QStringLiteral("Not total document signed")),
                 qPrintable(appended));
    }

    /// The password from standard input or the environment signs the same way.
    void passwordFromStandardInputOrEnvironment()
    {
        const QString fromStdin = path("stdin.pdf");
        QVERIFY(report(fromStdin,
                       {QStringLiteral("--sign"), m_p12, QStringLiteral("--sign-password-file"),
                        QStringLiteral("-")},
                       kPassword + '\n')
                    .exitCode == 0);
        const QString fromEnv = path("env.pdf");
        QVERIFY(report(fromEnv, {QStringLiteral("--sign"), m_p12}, {},
                       {QStringLiteral("ECGLENS_SIGN_PASSWORD=") + QString::fromUtf8(kPassword)})
                    .exitCode == 0);
        for (const QString& pdf : {fromStdin, fromEnv})
            QVERIFY(run(QStringLiteral("pdfsig"), {pdf})
                        .out.contains("Signature Validation: Signature is Valid."));
    }

    /// A PKCS#12 file encrypted as older programs did (RC2-40 and 3DES: Windows before 2017,
    /// OpenSSL 1.x), which OpenSSL 3 reads only with its legacy provider, signs as well.
    void olderPkcs12FilesSign()
    {
        const QString legacy = path("legacy.p12");
        const QString made =
            test::makeSigningIdentity(legacy, QStringLiteral("Dr. Old Export"),
                                      QStringLiteral("digitalSignature"), m_password, true);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        const QString pdf = path("legacy.pdf");
        const Run r = report(pdf, {QStringLiteral("--sign"), legacy,
                                   QStringLiteral("--sign-password-file"), m_password});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString out = QString::fromUtf8(run(QStringLiteral("pdfsig"), {pdf}).out);
        QVERIFY2(out.contains(QStringLiteral("Signature Validation: Signature is Valid.")) &&
                     out.contains(QStringLiteral("Common Name: Dr. Old Export")),
                 qPrintable(out));
    }

    void refusesWhatCannotSign_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("message");
        QTest::newRow("wrong password") << QStringLiteral("wrong-password")
                                        << QStringLiteral("did not open with this password");
        QTest::newRow("not PKCS#12") << QStringLiteral("pem") << QStringLiteral("not a PKCS#12");
        QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("cannot be read");
        QTest::newRow("not for signing")
            << QStringLiteral("encipher-only") << QStringLiteral("is not for signing");
        QTest::newRow("anonymised")
            << QStringLiteral("anonymised") << QStringLiteral("an anonymised report is not signed");
    }

    /// A clear reason, a non-zero exit and no report (an unsigned one is not written instead).
    void refusesWhatCannotSign()
    {
        QFETCH(QString, what);
        QFETCH(QString, message);
        QString p12 = m_p12;
        QString password = m_password;
        QStringList extra;
        if (what == QLatin1String("wrong-password")) {
            password = path("wrong.txt");
            QVERIFY(writeBytes(password, "secret\n"));
        } else if (what == QLatin1String("pem")) {
            p12 = m_p12 + QStringLiteral(".pem");
        } else if (what == QLatin1String("missing")) {
            p12 = path("nowhere.p12");
        } else if (what == QLatin1String("encipher-only")) {
            p12 = path("encipher.p12");
            const QString made =
                test::makeSigningIdentity(p12, QStringLiteral("Encipher Only"),
                                          QStringLiteral("keyEncipherment"), m_password);
            QVERIFY2(made.isEmpty(), qPrintable(made));
        } else if (what == QLatin1String("anonymised")) {
            extra << QStringLiteral("--anonymise");
        }
        const QString out = path("refused.pdf");
        const Run r = report(out, QStringList{QStringLiteral("--sign"), p12,
                                              QStringLiteral("--sign-password-file"), password} +
                                      extra);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(QString::fromUtf8(r.err).contains(message, Qt::CaseInsensitive),
                 r.err.constData());
        QVERIFY(!QFile::exists(out));
    }

    /// A certificate is refused outside its validity: the identity is loaded as of a date past
    /// its end (30 days) and before its start.
    void refusesOutsideTheCertificatesValidity()
    {
        const auto now = report::SigningIdentity::load(m_p12, kPassword);
        QVERIFY2(now.ok(), now.ok() ? "" : now.error().c_str());
        QCOMPARE((*now)->signerName(), kSigner);
        QCOMPARE((*now)->certificateSha256(), m_sha256);
        const QDateTime until = (*now)->validUntilUtc();
        QVERIFY(until > QDateTime::currentDateTimeUtc().addDays(29));
        QVERIFY(until < QDateTime::currentDateTimeUtc().addDays(31));
        const auto later = report::SigningIdentity::load(m_p12, kPassword, until.addSecs(60));
        QVERIFY(!later.ok());
        QVERIFY2(later.error().find("expired on") != std::string::npos, later.error().c_str());
        const auto earlier = report::SigningIdentity::load(
            m_p12, kPassword, QDateTime::currentDateTimeUtc().addDays(-2));
        QVERIFY(!earlier.ok());
        QVERIFY2(earlier.error().find("valid only from") != std::string::npos,
                 earlier.error().c_str());
    }

    /// What the signer does not take: a PDF with a form already or not from QPdfWriter's mould.
    void refusesPdfsItCannotUpdate()
    {
        const auto id = report::SigningIdentity::load(m_p12, kPassword);
        QVERIFY(id.ok());
        const QByteArray pdf = fileBytes(m_pdf); // signed once: has a form and a /Prev
        const auto again = report::signPdf(pdf, **id, {});
        QVERIFY(!again.ok());
        QVERIFY2(again.error().find("cannot be signed") != std::string::npos,
                 again.error().c_str());
        for (const QByteArray& junk : {QByteArray(), QByteArray("%PDF-1.4\n%%EOF\n"),
                                       QByteArray("startxref\n999999999\n%%EOF")}) {
            const auto r = report::signPdf(junk, **id, {});
            QVERIFY(!r.ok());
        }
    }
};

QTEST_GUILESS_MAIN(TestReportSignature)
#include "tst_report_signature.moc"
