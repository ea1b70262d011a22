#include "pdf_signature.h"

#include <QFile>
#include <QHash>
#include <QStringEncoder>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cctype>
#include <ctime>
#include <map>
#include <optional>
#include <string>

namespace ecglens::report {

namespace {

template <typename T, void (*Free)(T*)> struct Freer
{
    void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)> using Owned = std::unique_ptr<T, Freer<T, Free>>;

void freeBio(BIO* b)
{
    BIO_free(b);
}
void freeCertStack(STACK_OF(X509) * s)
{
    sk_X509_pop_free(s, X509_free);
}

using BioPtr = Owned<BIO, freeBio>;
using Pkcs12Ptr = Owned<PKCS12, PKCS12_free>;
using KeyPtr = Owned<EVP_PKEY, EVP_PKEY_free>;
using CertPtr = Owned<X509, X509_free>;
using CertStackPtr = Owned<STACK_OF(X509), freeCertStack>;
using CmsPtr = Owned<CMS_ContentInfo, CMS_ContentInfo_free>;

/// OpenSSL's reason for the last failure, for messages ("" when it gave none).
std::string opensslReason()
{
    const unsigned long code = ERR_peek_last_error();
    ERR_clear_error();
    if (code == 0)
        return {};
    char buf[256];
    ERR_error_string_n(code, buf, sizeof buf);
    return buf;
}

QString nameText(const X509_NAME* name)
{
    BioPtr out(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(out.get(), name, 0,
                       XN_FLAG_SEP_CPLUS_SPC | (ASN1_STRFLGS_RFC2253 & ~ASN1_STRFLGS_ESC_MSB));
    char* data = nullptr;
    const long n = BIO_get_mem_data(out.get(), &data);
    return QString::fromUtf8(data, n);
}

QString commonName(const X509_NAME* name)
{
    const int at = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (at < 0)
        return nameText(name);
    unsigned char* utf8 = nullptr;
    const int n =
        ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, at)));
    if (n < 0)
        return nameText(name);
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(utf8), n);
    OPENSSL_free(utf8);
    return text;
}

QDateTime timeOf(const ASN1_TIME* t)
{
    std::tm tm{};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

/// OpenSSL 3 keeps the ciphers older PKCS#12 files are encrypted with (RC2-40, 3DES with the
/// old key derivation) in its "legacy" provider: loaded on first need, with the default one
/// beside it (a provider loaded by name stops the default one from loading by itself), and
/// unloaded at exit.
class LegacyCiphers
{
public:
    LegacyCiphers()
        : m_legacy(OSSL_PROVIDER_load(nullptr, "legacy")),
          m_default(OSSL_PROVIDER_load(nullptr, "default"))
    {}
    ~LegacyCiphers()
    {
        if (m_legacy)
            OSSL_PROVIDER_unload(m_legacy);
        if (m_default)
            OSSL_PROVIDER_unload(m_default);
    }
    LegacyCiphers(const LegacyCiphers&) = delete;
    LegacyCiphers& operator=(const LegacyCiphers&) = delete;
    bool loaded() const { return m_legacy && m_default; }

private:
    OSSL_PROVIDER* m_legacy;
    OSSL_PROVIDER* m_default;
};

bool loadLegacyCiphers()
{
    static const LegacyCiphers ciphers;
    return ciphers.loaded();
}

} // namespace

struct SigningIdentity::Impl
{
    KeyPtr key;
    CertPtr cert;
    CertStackPtr chain;
};

SigningIdentity::SigningIdentity(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
SigningIdentity::~SigningIdentity() = default;

Result<std::shared_ptr<const SigningIdentity>>
SigningIdentity::load(const QString& p12Path, const QByteArray& password, const QDateTime& at)
{
    using R = Result<std::shared_ptr<const SigningIdentity>>;
    const std::string where = "The signing certificate " + p12Path.toStdString();
    QFile f(p12Path);
    if (!f.open(QIODevice::ReadOnly))
        return R::failure(where + " cannot be read: " + f.errorString().toStdString() + '.');
    constexpr qint64 kMaxBytes = 1 << 20;
    if (f.size() > kMaxBytes)
        return R::failure(where + " is " + std::to_string(f.size()) +
                          " bytes long: not a PKCS#12 certificate file (they are a few KB).");
    const QByteArray bytes = f.readAll();
    BioPtr in(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
    Pkcs12Ptr p12(d2i_PKCS12_bio(in.get(), nullptr));
    if (!p12) {
        ERR_clear_error();
        return R::failure(where +
                          " is not a PKCS#12 file (.p12 / .pfx holding a certificate and its "
                          "private key).");
    }
    // OpenSSL tells "no password" (NULL) from an empty one; a file may use either.
    const char* pass = password.constData();
    if (!PKCS12_verify_mac(p12.get(), pass, int(password.size()))) {
        if (password.isEmpty() && PKCS12_verify_mac(p12.get(), nullptr, 0))
            pass = nullptr;
        else {
            ERR_clear_error();
            return R::failure(where + " did not open with this password.");
        }
    }
    EVP_PKEY* key = nullptr;
    X509* cert = nullptr;
    STACK_OF(X509)* chain = nullptr;
    bool parsed = PKCS12_parse(p12.get(), pass, &key, &cert, &chain) == 1;
    if (!parsed && ERR_GET_REASON(ERR_peek_last_error()) == ERR_R_UNSUPPORTED &&
        loadLegacyCiphers()) {
        // Exported by an older program (Windows before 2017, OpenSSL 1.x: RC2-40 / 3DES).
        ERR_clear_error();
        parsed = PKCS12_parse(p12.get(), pass, &key, &cert, &chain) == 1;
    }
    if (!parsed)
        return R::failure(where + " could not be read: " + opensslReason() +
                          ". If an older program exported it, export it again with AES-256.");
    auto impl = std::make_unique<Impl>();
    impl->key.reset(key);
    impl->cert.reset(cert);
    impl->chain.reset(chain);
    if (!impl->key || !impl->cert)
        return R::failure(where + " holds no " + (impl->key ? "certificate" : "private key") +
                          ": a signature needs both.");
    if (X509_check_private_key(impl->cert.get(), impl->key.get()) != 1) {
        ERR_clear_error();
        return R::failure(where + ": its private key does not belong to its certificate.");
    }
    const QDateTime notBefore = timeOf(X509_get0_notBefore(impl->cert.get()));
    const QDateTime notAfter = timeOf(X509_get0_notAfter(impl->cert.get()));
    const std::string who = commonName(X509_get_subject_name(impl->cert.get())).toStdString();
    if (notAfter.isValid() && at > notAfter)
        return R::failure(where + " (" + who + ") expired on " +
                          notAfter.toString(Qt::ISODate).toStdString() +
                          "; a report signed with it would not verify. Ask for a new one.");
    if (notBefore.isValid() && at < notBefore)
        return R::failure(where + " (" + who + ") is valid only from " +
                          notBefore.toString(Qt::ISODate).toStdString() + '.');
    const uint32_t usage = X509_get_key_usage(impl->cert.get());
    if (usage != UINT32_MAX && !(usage & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)))
        return R::failure(where + " (" + who +
                          ") is not for signing (its key usage allows neither digital "
                          "signatures nor non-repudiation).");
    return std::shared_ptr<const SigningIdentity>(new SigningIdentity(std::move(impl)));
}

QString SigningIdentity::signerName() const
{
    return commonName(X509_get_subject_name(m_impl->cert.get()));
}

QString SigningIdentity::issuer() const
{
    return nameText(X509_get_issuer_name(m_impl->cert.get()));
}

QString SigningIdentity::certificateSha256() const
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (X509_digest(m_impl->cert.get(), EVP_sha256(), md, &n) != 1)
        return {};
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(md), int(n)).toHex());
}

QDateTime SigningIdentity::validUntilUtc() const
{
    return timeOf(X509_get0_notAfter(m_impl->cert.get()));
}

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

/// Reads a non-negative integer at `pos` after white space; advances `pos`.
std::optional<qint64> readInt(const QByteArray& s, qsizetype& pos)
{
    while (pos < s.size() && isSpace(s[pos]))
        ++pos;
    const qsizetype start = pos;
    qint64 v = 0;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])) && pos - start < 12)
        v = v * 10 + (s[pos++] - '0');
    if (pos == start)
        return std::nullopt;
    return v;
}

/// Where `key` (e.g. "/Annots") starts among the top-level entries of the dictionary `dict`
/// ("<< … >>"), skipping nested dictionaries, arrays and strings; -1 if absent.
qsizetype topLevelKey(const QByteArray& dict, const QByteArray& key)
{
    int depth = 0;
    for (qsizetype i = 0; i < dict.size(); ++i) {
        const char c = dict[i];
        if (c == '(') { // a literal string: skip it, with its escapes and nested brackets
            int open = 1;
            for (++i; i < dict.size() && open > 0; ++i)
                if (dict[i] == '\\')
                    ++i;
                else if (dict[i] == '(')
                    ++open;
                else if (dict[i] == ')')
                    --open;
            --i;
        } else if (c == '<' && i + 1 < dict.size() && dict[i + 1] == '<') {
            ++depth;
            ++i;
        } else if (c == '>' && i + 1 < dict.size() && dict[i + 1] == '>') {
            --depth;
            ++i;
        } else if (c == '[') {
            ++depth;
        } else if (c == ']') {
            --depth;
        } else if (depth == 1 && c == '/' && dict.mid(i, key.size()) == key &&
                   (i + key.size() == dict.size() ||
                    !std::isalnum(static_cast<unsigned char>(dict[i + key.size()])))) {
            return i;
        }
    }
    return -1;
}

/// "n 0 R" right after `key` in `dict`; nullopt when the key is absent or not a reference.
std::optional<int> referenceAfter(const QByteArray& dict, qsizetype keyPos, qsizetype keySize)
{
    qsizetype pos = keyPos + keySize;
    const auto num = readInt(dict, pos);
    const auto gen = readInt(dict, pos);
    while (pos < dict.size() && isSpace(dict[pos]))
        ++pos;
    if (!num || !gen || pos >= dict.size() || dict[pos] != 'R')
        return std::nullopt;
    return int(*num);
}

/// What an incremental update needs of the PDF: its objects' offsets and its trailer.
struct PdfStructure
{
    qint64 xrefOffset = 0;
    int size = 0;
    int root = -1;
    int info = -1;
    QHash<int, qint64> offsets;
};

Result<PdfStructure> readStructure(const QByteArray& pdf)
{
    using R = Result<PdfStructure>;
    PdfStructure s;
    const qsizetype startxref = pdf.lastIndexOf("startxref");
    if (startxref < 0)
        return R::failure("no startxref");
    qsizetype pos = startxref + 9;
    const auto xref = readInt(pdf, pos);
    if (!xref || *xref >= pdf.size() || pdf.mid(*xref, 4) != "xref")
        return R::failure("no cross-reference table where startxref points (a cross-reference "
                          "stream is not supported)");
    s.xrefOffset = *xref;
    pos = *xref + 4;
    const qsizetype trailer = pdf.indexOf("trailer", pos);
    if (trailer < 0)
        return R::failure("no trailer");
    while (true) {
        qsizetype peek = pos;
        while (peek < pdf.size() && isSpace(pdf[peek]))
            ++peek;
        if (peek >= trailer)
            break;
        const auto first = readInt(pdf, pos);
        const auto count = readInt(pdf, pos);
        if (!first || !count || *count > 10'000'000)
            return R::failure("a damaged cross-reference table");
        for (qint64 i = 0; i < *count; ++i) {
            const auto offset = readInt(pdf, pos);
            const auto gen = readInt(pdf, pos);
            while (pos < pdf.size() && isSpace(pdf[pos]))
                ++pos;
            if (!offset || !gen || pos >= pdf.size())
                return R::failure("a damaged cross-reference entry");
            if (pdf[pos] == 'n')
                s.offsets.insert(int(*first + i), *offset);
            ++pos;
        }
    }
    const QByteArray dict = pdf.mid(trailer, startxref - trailer);
    if (dict.contains("/Prev") || dict.contains("/Encrypt"))
        return R::failure("an updated or encrypted PDF");
    qsizetype at = dict.indexOf("/Size");
    if (at < 0)
        return R::failure("no /Size in the trailer");
    at += 5;
    const auto size = readInt(dict, at);
    const qsizetype root = dict.indexOf("/Root");
    const auto rootRef = root < 0 ? std::nullopt : referenceAfter(dict, root, 5);
    if (!size || !rootRef)
        return R::failure("no /Size or /Root in the trailer");
    s.size = int(*size);
    s.root = *rootRef;
    if (const qsizetype info = dict.indexOf("/Info"); info >= 0)
        s.info = referenceAfter(dict, info, 5).value_or(-1);
    return s;
}

/// The body of object `num` (between "num 0 obj" and "endobj"), trimmed.
Result<QByteArray> objectBody(const QByteArray& pdf, const PdfStructure& s, int num)
{
    using R = Result<QByteArray>;
    const auto it = s.offsets.constFind(num);
    if (it == s.offsets.cend())
        return R::failure("object " + std::to_string(num) + " is not in the table");
    const QByteArray head = QByteArray::number(num) + " 0 obj";
    if (pdf.mid(*it, head.size()) != head)
        return R::failure("object " + std::to_string(num) + " is not where the table says");
    const qsizetype start = *it + head.size();
    const qsizetype end = pdf.indexOf("endobj", start);
    if (end < 0)
        return R::failure("object " + std::to_string(num) + " does not end");
    return pdf.mid(start, end - start).trimmed();
}

/// `dict` ("<< … >>") with `entries` added at its end.
QByteArray withEntries(const QByteArray& dict, const QByteArray& entries)
{
    return dict.left(dict.lastIndexOf(">>")) + entries + "\n>>";
}

/// A PDF text string: UTF-16BE with its byte-order mark, in hex (any name, any script).
QByteArray textString(const QString& text)
{
    QStringEncoder utf16(QStringEncoder::Utf16BE, QStringEncoder::Flag::WriteBom);
    return '<' + QByteArray(utf16(text)).toHex().toUpper() + '>';
}

Result<QByteArray> cmsSignature(const QByteArray& data, const SigningIdentity::Impl& id)
{
    using R = Result<QByteArray>;
    BioPtr in(BIO_new_mem_buf(data.constData(), int(data.size())));
    const unsigned flags = CMS_DETACHED | CMS_BINARY | CMS_NOSMIMECAP | CMS_PARTIAL;
    CmsPtr cms(CMS_sign(nullptr, nullptr, id.chain.get(), nullptr, flags));
    if (!cms || !CMS_add1_signer(cms.get(), id.cert.get(), id.key.get(), EVP_sha256(), flags) ||
        !CMS_final(cms.get(), in.get(), nullptr, flags))
        return R::failure("the signature could not be computed: " + opensslReason());
    BioPtr out(BIO_new(BIO_s_mem()));
    if (!i2d_CMS_bio(out.get(), cms.get()))
        return R::failure("the signature could not be encoded: " + opensslReason());
    char* bytes = nullptr;
    const long n = BIO_get_mem_data(out.get(), &bytes);
    return QByteArray(bytes, int(n));
}

} // namespace

Result<QByteArray> signPdf(const QByteArray& pdf, const SigningIdentity& signer,
                           const QString& reason)
{
    using R = Result<QByteArray>;
    const auto refuse = [](const std::string& why) {
        return R::failure("The report cannot be signed: " + why + '.');
    };
    const auto s = readStructure(pdf);
    if (!s)
        return refuse(s.error());
    const auto catalog = objectBody(pdf, *s, s->root);
    if (!catalog)
        return refuse(catalog.error());
    if (!catalog->startsWith("<<") || topLevelKey(*catalog, "/AcroForm") >= 0)
        return refuse("it already has a form or is not a PDF catalogue");
    const qsizetype pagesKey = topLevelKey(*catalog, "/Pages");
    const auto pagesRef = pagesKey < 0 ? std::nullopt : referenceAfter(*catalog, pagesKey, 6);
    if (!pagesRef)
        return refuse("no page tree");
    const auto pages = objectBody(pdf, *s, *pagesRef);
    if (!pages)
        return refuse(pages.error());
    qsizetype kids = topLevelKey(*pages, "/Kids");
    if (kids < 0 || (kids = pages->indexOf('[', kids)) < 0)
        return refuse("no pages");
    ++kids;
    const auto firstPage = readInt(*pages, kids);
    if (!firstPage)
        return refuse("no first page");
    const auto page = objectBody(pdf, *s, int(*firstPage));
    if (!page)
        return refuse(page.error());

    const int sigNum = s->size;
    const int fieldNum = s->size + 1;
    const QByteArray fieldRef = QByteArray::number(fieldNum) + " 0 R";
    std::map<int, QByteArray> objects; // number -> body, written in this order
    // The page's annotations get the signature field's widget: in the page's own array, or in
    // the array object it points to (QPdfWriter writes /Annots n 0 R).
    const qsizetype annots = topLevelKey(*page, "/Annots");
    if (annots < 0) {
        objects[int(*firstPage)] = withEntries(*page, "\n/Annots [" + fieldRef + ']');
    } else if (const auto ref = referenceAfter(*page, annots, 7)) {
        const auto array = objectBody(pdf, *s, *ref);
        if (!array || !array->startsWith('[') || !array->endsWith(']'))
            return refuse("the first page's annotations are not an array");
        objects[*ref] = array->chopped(1) + ' ' + fieldRef + ']';
    } else {
        const qsizetype open = page->indexOf('[', annots);
        const qsizetype close = open < 0 ? -1 : page->indexOf(']', open);
        if (close < 0)
            return refuse("the first page's annotations are not an array");
        objects[int(*firstPage)] = page->left(close) + ' ' + fieldRef + page->mid(close);
    }
    objects[s->root] =
        withEntries(*catalog, "\n/AcroForm << /Fields [" + fieldRef + "] /SigFlags 3 >>");

    const QDateTime when = QDateTime::currentDateTimeUtc();
    const QByteArray hexZeros(2 * kSignatureBytes, '0');
    const QByteArray byteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";
    QByteArray sig = "<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /adbe.pkcs7.detached\n"
                     "/ByteRange " +
                     byteRangePlaceholder + "\n/Contents <" + hexZeros +
                     ">\n/M (D:" + when.toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() +
                     "Z)\n/Name " + textString(signer.signerName());
    if (!reason.isEmpty())
        sig += "\n/Reason " + textString(reason);
    sig += "\n>>";
    objects[sigNum] = sig;
    objects[fieldNum] = "<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T " +
                        textString(QStringLiteral("Signature1")) + "\n/V " +
                        QByteArray::number(sigNum) + " 0 R\n/F 132\n/Rect [0 0 0 0]\n/P " +
                        QByteArray::number(*firstPage) + " 0 R\n>>";

    QByteArray out = pdf;
    if (!out.endsWith('\n'))
        out += '\n';
    std::map<int, qint64> offsets;
    qsizetype contentsAt = -1;
    qsizetype byteRangeAt = -1;
    for (const auto& [num, body] : objects) {
        offsets[num] = out.size();
        out += QByteArray::number(num) + " 0 obj\n";
        if (num == sigNum) {
            byteRangeAt = out.size() + body.indexOf(byteRangePlaceholder);
            contentsAt = out.size() + body.indexOf("/Contents <") + 10;
        }
        out += body + "\nendobj\n";
    }
    const qint64 xrefAt = out.size();
    out += "xref\n0 1\n0000000000 65535 f \n";
    for (auto it = offsets.begin(); it != offsets.end();) {
        auto end = it;
        int count = 0;
        while (end != offsets.end() && end->first == it->first + count) {
            ++end;
            ++count;
        }
        out += QByteArray::number(it->first) + ' ' + QByteArray::number(count) + '\n';
        for (; it != end; ++it)
            out += QByteArray::number(it->second).rightJustified(10, '0') + " 00000 n \n";
    }
    out += "trailer\n<< /Size " + QByteArray::number(fieldNum + 1) + " /Root " +
           QByteArray::number(s->root) + " 0 R";
    if (s->info >= 0)
        out += " /Info " + QByteArray::number(s->info) + " 0 R";
    out += " /Prev " + QByteArray::number(s->xrefOffset) + " >>\nstartxref\n" +
           QByteArray::number(xrefAt) + "\n%%EOF\n";

    // Everything but the signature's hex string (its angle brackets included) is signed.
    const qint64 gapStart = contentsAt;
    const qint64 gapEnd = contentsAt + hexZeros.size() + 2;
    const QByteArray range = "[0 " + QByteArray::number(gapStart).leftJustified(10, ' ') + ' ' +
                             QByteArray::number(gapEnd).leftJustified(10, ' ') + ' ' +
                             QByteArray::number(out.size() - gapEnd).leftJustified(10, ' ') + ']';
    if (range.size() != byteRangePlaceholder.size())
        return refuse("the report is too large to sign");
    out.replace(byteRangeAt, range.size(), range);
    const auto der = cmsSignature(out.left(gapStart) + out.mid(gapEnd), signer.impl());
    if (!der)
        return refuse(der.error());
    if (der->size() > kSignatureBytes)
        return refuse("the signature (" + std::to_string(der->size()) +
                      " bytes with its certificates) does not fit the room kept for it");
    const QByteArray hex = der->toHex().toUpper();
    out.replace(gapStart + 1, hex.size(), hex);
    return out;
}

} // namespace ecglens::report
