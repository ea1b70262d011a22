#pragma once

// A digital signature on the PDF report: the clinician's (or the department's) certificate and
// private key from a PKCS#12 file sign the whole report, as PDF readers check it (ISO 32000-1
// 12.8: an invisible signature field, /SubFilter /adbe.pkcs7.detached, a CMS SignedData with
// SHA-256 over every byte but the signature itself, added in an incremental update). A reader
// then shows who signed and whether anything changed since; `pdfsig` (poppler) verifies it.

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>

namespace ecglens::report {

/// A certificate with its private key (and the issuers' certificates the file holds), loaded
/// from a PKCS#12 (.p12 / .pfx) file. The password is used to open it and not kept.
class SigningIdentity
{
public:
    ~SigningIdentity();
    SigningIdentity(const SigningIdentity&) = delete;
    SigningIdentity& operator=(const SigningIdentity&) = delete;

    /// Refuses (with a reason a user can act on) an unreadable or oversized file, a wrong
    /// password, a file without a private key or certificate, a certificate that is not valid
    /// at `at` (expired, not yet valid) or whose key usage excludes signing.
    static Result<std::shared_ptr<const SigningIdentity>>
    load(const QString& p12Path, const QByteArray& password,
         const QDateTime& at = QDateTime::currentDateTimeUtc());

    /// The certificate subject's common name (else the whole subject), e.g. "Dr. A. Weber".
    QString signerName() const;
    /// The certificate's issuer, one line ("CN=…, O=…").
    QString issuer() const;
    /// SHA-256 of the certificate (DER), lower-case hex: what a reader shows as its fingerprint.
    QString certificateSha256() const;
    QDateTime validUntilUtc() const;

    struct Impl;
    const Impl& impl() const { return *m_impl; }

private:
    explicit SigningIdentity(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

/// Room kept for the CMS signature: certificate chains of a few certificates fit.
inline constexpr int kSignatureBytes = 16384;

/// `pdf` with a signature by `signer` over all of it, made now, for `reason` (shown by PDF
/// readers; may be empty), added as an incremental update (the original bytes stay as they are,
/// so the signed revision is exactly what was drawn). Takes the PDFs QPdfWriter writes (one
/// cross-reference table, no form yet); refuses others.
Result<QByteArray> signPdf(const QByteArray& pdf, const SigningIdentity& signer,
                           const QString& reason);

} // namespace ecglens::report
