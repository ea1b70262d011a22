#include "report.h"
#include "engine_text.h"

#include "contributions.h"
#include "ecg_paper.h"
#include "finding_text.h"
#include "report_text.h"

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QFontMetricsF>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace ecglens::report {

namespace {

// Landscape throughout: the 12-lead page needs 260 mm of width, and one orientation keeps the
// text pages and the paper pages in the same binder. Everything is placed on a landscape A4
// page, which is centred on the sheet (renderReport).
constexpr int kDpi = 1200;
constexpr QSizeF kDesignPageMm(297.0, 210.0);
constexpr double kLeftMm = kPageLeftMm;
constexpr double kContentWidthMm = kPageContentWidthMm;
constexpr double kTextTopMm = 20.0;
constexpr double kTextBottomMm = 190.0;
constexpr double kFooterMm = 200.0;
constexpr double kLabelWidthMm = 55.0;

QFont font(double points, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(points);
    f.setBold(bold);
    // No ligatures: "fi" must stay two letters for anyone who copies or searches the text.
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

/// A text block placed on a page: its top in mm.
struct Placed
{
    const TextBlock* block;
    double topMm;
};

class Pages
{
public:
    /// Millimetres on `device` from its resolution (a PDF writer's, a printer's).
    explicit Pages(QPaintDevice& device) : m_device(device)
    {
        m_mm.unitsPerMm = device.logicalDpiX() / 25.4;
    }

    const MmMap& mm() const { return m_mm; }

    double heightMm(const TextBlock& b) const
    {
        const bool row = b.kind == TextBlock::Kind::Row;
        const double width = row ? kContentWidthMm - kLabelWidthMm : kContentWidthMm;
        const QFontMetricsF fm(fontOf(b), &m_device);
        const QRectF r = fm.boundingRect(QRectF(0, 0, m_mm(width), 1e9),
                                         Qt::TextWordWrap | Qt::AlignLeft, b.text);
        const double gap = b.kind == TextBlock::Kind::Heading ? 4.0 : 1.0;
        return r.height() / m_mm.unitsPerMm + gap;
    }

    /// font(points, bold), made smaller (down to 5.5 pt) until `text` fits `widthMm` on one line.
    QFont fittedFont(const QString& text, double widthMm, double points, bool bold = false) const
    {
        QFont f = font(points, bold);
        while (points > 5.5 &&
               QFontMetricsF(f, &m_device).horizontalAdvance(text) > m_mm(widthMm)) {
            points -= 0.25;
            f = font(points, bold);
        }
        return f;
    }

    static QFont fontOf(const TextBlock& b)
    {
        return b.kind == TextBlock::Kind::Heading ? font(11.0, true) : font(9.0);
    }

    /// Splits blocks over pages; a heading never ends a page.
    std::vector<std::vector<Placed>> paginate(const std::vector<TextBlock>& blocks) const
    {
        std::vector<std::vector<Placed>> pages(1);
        double y = kTextTopMm;
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            double need = heightMm(blocks[i]);
            if (blocks[i].kind == TextBlock::Kind::Heading && i + 1 < blocks.size()) {
                // A section starts on the next page when it would fit there whole but not
                // here; a longer one keeps at least its first block under its heading.
                double section = need;
                for (std::size_t j = i + 1;
                     j < blocks.size() && blocks[j].kind != TextBlock::Kind::Heading; ++j)
                    section += heightMm(blocks[j]);
                need = section <= kTextBottomMm - kTextTopMm ? section
                                                             : need + heightMm(blocks[i + 1]);
            }
            if (y + need > kTextBottomMm && !pages.back().empty()) {
                pages.emplace_back();
                y = kTextTopMm;
            }
            pages.back().push_back({&blocks[i], y});
            y += heightMm(blocks[i]);
        }
        return pages;
    }

    void drawBlock(QPainter& p, const Placed& placed) const
    {
        const TextBlock& b = *placed.block;
        const double top = placed.topMm + (b.kind == TextBlock::Kind::Heading ? 2.5 : 0.0);
        p.setPen(Qt::black);
        if (b.kind == TextBlock::Kind::Row) {
            p.setFont(font(9.0, true));
            p.drawText(m_mm.rect(QRectF(kLeftMm, top, kLabelWidthMm - 2.0, 50.0)),
                       Qt::TextWordWrap | Qt::AlignLeft, b.label);
        }
        p.setFont(fontOf(b));
        const double left = b.kind == TextBlock::Kind::Row ? kLeftMm + kLabelWidthMm : kLeftMm;
        p.drawText(m_mm.rect(QRectF(left, top, kLeftMm + kContentWidthMm - left, 150.0)),
                   Qt::TextWordWrap | Qt::AlignLeft, b.text);
    }

    void drawFooter(QPainter& p, const ReportInput& in, int page, int pages) const
    {
        p.setPen(QPen(Qt::black, m_mm(0.15)));
        p.drawLine(m_mm.point(kLeftMm, kFooterMm - 4.0),
                   m_mm.point(kLeftMm + kContentWidthMm, kFooterMm - 4.0));
        p.setFont(fittedFont(disclaimerText(), 168.0, 8.0, true));
        p.drawText(m_mm.rect(QRectF(kLeftMm, kFooterMm - 3.0, 170.0, 6.0)),
                   Qt::AlignLeft | Qt::AlignTop, disclaimerText());
        p.setFont(font(8.0));
        QString right = Report::tr("page %1 of %2").arg(page).arg(pages);
        if (!in.softwareVersion.empty())
            right = QString::fromStdString(in.softwareVersion) + QStringLiteral(" \u00b7 ") + right;
        p.drawText(
            m_mm.rect(QRectF(kLeftMm + 170.0, kFooterMm - 3.0, kContentWidthMm - 170.0, 6.0)),
            Qt::AlignRight | Qt::AlignTop, right);
    }

    void drawRunningHeader(QPainter& p, const ReportInput& in, const QString& title) const
    {
        p.setPen(Qt::black);
        p.setFont(font(8.0));
        const QFontMetricsF fm(font(8.0), &m_device);
        // At most three quarters of the line (a long file name), cut in the middle so that
        // the patient's identifiers at the start and the file's extension stay.
        const QString who =
            fm.elidedText(patientHeaderText(in), Qt::ElideMiddle, m_mm(kContentWidthMm * 0.75));
        const double titleWidth = m_mm(kContentWidthMm - 5.0) - fm.horizontalAdvance(who);
        p.drawText(m_mm.rect(QRectF(kLeftMm, 9.0, kContentWidthMm, 5.0)),
                   Qt::AlignLeft | Qt::AlignTop, fm.elidedText(title, Qt::ElideRight, titleWidth));
        p.drawText(m_mm.rect(QRectF(kLeftMm, 9.0, kContentWidthMm, 5.0)),
                   Qt::AlignRight | Qt::AlignTop, who);
        p.setPen(QPen(Qt::black, m_mm(0.15)));
        p.drawLine(m_mm.point(kLeftMm, 14.0), m_mm.point(kLeftMm + kContentWidthMm, 14.0));
    }

    /// Continuation ECG pages: what they show, in full, under the running header.
    void drawEcgHeader(QPainter& p, const ReportInput& in, const QString& shown) const
    {
        drawRunningHeader(p, in, Report::tr("ECG report"));
        p.setFont(font(10.0, true));
        p.drawText(m_mm.rect(QRectF(kLeftMm, 18.0, kContentWidthMm, 6.0)),
                   Qt::AlignLeft | Qt::AlignTop, Report::tr("ECG, ") + shown);
        p.setFont(font(8.0));
        p.drawText(m_mm.rect(QRectF(kLeftMm, 25.0, kContentWidthMm, 5.0)),
                   Qt::AlignLeft | Qt::AlignTop, signalNote(in));
    }

    /// Under the grid of a page with SHAP bands: what the shading means.
    void drawBandLegend(QPainter& p) const
    {
        const QRectF g = ecgGridMm();
        const double y = g.bottom() + 0.9;
        double x = g.left();
        p.save();
        for (const double v : {1.0, -1.0}) {
            p.setPen(Qt::NoPen);
            p.setBrush(contributionColour(v, 1.0));
            p.drawRect(m_mm.rect(QRectF(x, y, 4.0, 2.4)));
            x += 4.5;
        }
        const QString legend =
            Report::tr("Shaded: SHAP contributions to the detector's output, red towards "
                       "abnormal, blue towards normal, deeper for larger ones; numbered: the "
                       "strongest (see Explanation). Not where disease is.");
        const double width = g.right() - x - 0.5;
        p.setPen(Qt::black);
        p.setFont(fittedFont(legend, width, 7.0));
        p.drawText(m_mm.rect(QRectF(x + 0.5, y - 0.3, width, 3.2)), Qt::AlignLeft | Qt::AlignTop,
                   legend);
        p.restore();
    }

    /// Title, generation time and the summary lines above the first ECG grid.
    void drawFirstHeader(QPainter& p, const ReportInput& in, const QString& shown) const
    {
        p.setPen(Qt::black);
        p.setFont(font(14.0, true));
        p.drawText(m_mm.rect(QRectF(kLeftMm, 8.0, 150.0, 8.0)), Qt::AlignLeft | Qt::AlignTop,
                   Report::tr("ECG report"));
        p.setFont(font(8.0));
        p.drawText(m_mm.rect(QRectF(kLeftMm + 100.0, 9.0, kContentWidthMm - 100.0, 5.0)),
                   Qt::AlignRight | Qt::AlignTop, generatedText(in));
        double y = 17.0;
        const QFontMetricsF fm(font(8.0), &m_device);
        const auto lines = summaryLines(in, shown);
        // Six lines 4 mm apart end above the grid (ecg_paper.cpp kGridTopMm); a seventh (advice
        // asking for a prompt review) draws them closer, 3.4 mm for 8 pt text (2.8 mm).
        const double step = std::min(4.0, 24.0 / double(std::max<std::size_t>(lines.size(), 1)));
        for (const auto& [label, text] : lines) {
            p.setFont(font(8.0, true));
            p.drawText(m_mm.rect(QRectF(kLeftMm, y, 28.0, 5.0)), Qt::AlignLeft | Qt::AlignTop,
                       label);
            p.setFont(font(8.0));
            const double width = kContentWidthMm - 28.0;
            p.drawText(m_mm.rect(QRectF(kLeftMm + 28.0, y, width, 5.0)),
                       Qt::AlignLeft | Qt::AlignTop,
                       fm.elidedText(text, Qt::ElideRight, m_mm(width)));
            y += step;
        }
    }

private:
    QPaintDevice& m_device;
    MmMap m_mm;
};

/// One ECG page: its rows and what it shows.
struct EcgPage
{
    PaperPage paper;
    QString shown; ///< e.g. "0.0\u201310.0 s"
    double startS = 0.0;
    int explanation = -1; ///< shows an explained window (explanationsOf index): its bands drawn
};

/// How many of a long recording's Look first windows get an ECG page.
constexpr std::size_t kLookFirstPages = 3;

/// Appends the pages of the 10 s from startS, their caption `prefix` + the time span.
void addEcgPages(std::vector<EcgPage>& pages, const Recording& signal, double durationS,
                 double startS, const QString& prefix, int explanation = -1)
{
    const QString shown = prefix + spanText(startS, std::min(durationS, startS + ecgPageSpanS()),
                                            clockTimes(durationS));
    for (const PaperPage& page : ecgLayout(signal, startS))
        pages.push_back({page, shown, startS, explanation});
}

/// The report's SHAP explanations: the main one, then those of Look first windows.
std::vector<const xai::RecordingExplanation*> explanationsOf(const ReportInput& in)
{
    std::vector<const xai::RecordingExplanation*> all;
    if (in.explanation)
        all.push_back(&*in.explanation);
    for (const xai::RecordingExplanation& e : in.lookFirstExplanations)
        all.push_back(&e);
    return all;
}

/// The first 10 s; for a long recording the first kLookFirstPages of its Look first windows
/// (ml::reviewFirstWindows) not on that page, else the detector's most abnormal flagged window.
std::vector<EcgPage> chosenEcgPages(const ReportInput& in, const Recording& signal)
{
    std::vector<EcgPage> pages;
    const double durationS = in.recording.durationS();
    addEcgPages(pages, signal, durationS, 0.0, QString());
    if (!in.detection)
        return pages;
    for (const LookFirstPage& p : lookFirstPageWindows(*in.detection))
        addEcgPages(pages, signal, durationS, p.window.startS,
                    Report::tr("Look first window %1 (probability %2): ")
                        .arg(p.number)
                        .arg(localNumber(p.window.probability, 'f', 3)));
    if (!ml::reviewFirstWindows(*in.detection).empty())
        return pages;
    const ml::WindowResult* strongest = ml::mostAbnormalWindow(*in.detection);
    if (strongest && strongest->startS > 0.0)
        addEcgPages(pages, signal, durationS, strongest->startS,
                    Report::tr("most abnormal flagged window (probability %1): ")
                        .arg(localNumber(strongest->probability, 'f', 3)));
    return pages;
}

/// chosenEcgPages, with the pages of each explained window marked (explanationsOf); when no
/// page shows the main one, its own pages follow; after an explained window's pages, the page
/// of its strongest leads (strongestLeadsPage). A Look first explanation without a page of its
/// own is not drawn.
std::vector<EcgPage> ecgPages(const ReportInput& in, const Recording& signal)
{
    std::vector<EcgPage> pages = chosenEcgPages(in, signal);
    const std::vector<const xai::RecordingExplanation*> all = explanationsOf(in);
    const double durationS = in.recording.durationS();
    for (int k = 0; k < int(all.size()); ++k) {
        const xai::RecordingExplanation& e = *all[std::size_t(k)];
        bool shown = false;
        for (EcgPage& page : pages)
            if (page.explanation < 0 && explainsWindowAt(e, page.startS)) {
                page.explanation = k;
                shown = true;
            }
        if (!shown && k == 0 && in.explanation) {
            addEcgPages(pages, signal, durationS, e.windowStartS,
                        Report::tr("explained window (probability %1): ")
                            .arg(localNumber(e.probability, 'f', 3)),
                        k);
            shown = true;
        }
        std::optional<PaperPage> leads = strongestLeadsPage(signal, e);
        if (!shown || !leads)
            continue;
        const auto last = std::find_if(pages.rbegin(), pages.rend(),
                                       [&](const EcgPage& page) { return page.explanation == k; });
        const QString caption =
            Report::tr("explained window, the %n lead(s) with the largest contributions: ", "",
                       int(leads->rows.size())) +
            spanText(e.windowStartS, std::min(durationS, e.windowStartS + ecgPageSpanS()),
                     clockTimes(durationS));
        pages.insert(last.base(), {std::move(*leads), caption, e.windowStartS, k});
    }
    return pages;
}

/// An explanation's contributions as bands on `signal`'s leads, in the viewer's colours, the
/// strongest numbered as the report lists them.
std::vector<PaperBand> paperBands(const xai::RecordingExplanation& e, const Recording& signal)
{
    std::vector<PaperBand> bands;
    const std::vector<ContributionBand> contributions = contributionBands(e, signal);
    const double scale = contributionScale(contributions);
    const std::vector<std::size_t> strongest = strongestPlayers(e);
    for (const ContributionBand& c : contributions) {
        const auto rank = std::find(strongest.begin(), strongest.end(), std::size_t(c.player));
        const int number = rank == strongest.end() ? 0 : int(rank - strongest.begin()) + 1;
        const QColor colour = contributionColour(c.value, scale);
        if (colour.alpha() > 0 || number > 0)
            bands.push_back({c.lead, c.startS, c.endS, colour, number});
    }
    return bands;
}

} // namespace

const ml::WindowResult* reportExplainedWindow(const ml::Analysis& analysis)
{
    const ml::WindowResult* w = ml::mostAbnormalWindow(analysis);
    return w ? w : ml::mostProbableWindow(analysis);
}

std::vector<LookFirstPage> lookFirstPageWindows(const ml::Analysis& analysis)
{
    std::vector<LookFirstPage> out;
    const std::vector<ml::WindowResult> first = ml::reviewFirstWindows(analysis);
    for (std::size_t i = 0; i < std::min(first.size(), kLookFirstPages); ++i)
        if (first[i].startS >= ecgPageSpanS()) // else it is on the first page
            out.push_back({int(i) + 1, first[i]});
    return out;
}

bool explainsWindowAt(const xai::RecordingExplanation& explanation, double startS)
{
    return std::abs(explanation.windowStartS - startS) < 0.5 / explanation.fsHz;
}

namespace {

bool samePath(const QString& a, const std::string& b)
{
    if (b.empty())
        return false;
    const QFileInfo fa(a), fb(QString::fromStdString(b));
    return fa.absoluteFilePath() == fb.absoluteFilePath() ||
           (fa.exists() && fa.canonicalFilePath() == fb.canonicalFilePath());
}

} // namespace

QString disclaimerText()
{
    return Report::tr("Decision support, not a diagnosis. Must be reviewed by a qualified "
                      "clinician.");
}

QString adviceLimitText()
{
    return Report::tr("The advice checks a few criteria only: no item does not mean a normal ECG.");
}

QString ptbxlCreditText()
{
    return Report::tr("Model trained on PTB-XL (Wagner et al., Scientific Data 2020), CC BY 4.0");
}

RecordingOrder recordingOrder(const Recording& shown, const Recording& compared)
{
    auto when = [](const Recording& r) -> std::optional<QDateTime> {
        if (!r.start || !r.start->hasDate)
            return std::nullopt;
        const DateTime& s = *r.start;
        const QDate date(s.date.year, s.date.month, s.date.day);
        const QTime time(s.hour, s.minute, int(std::clamp(std::floor(s.second), 0.0, 59.0)));
        if (!date.isValid() || !time.isValid())
            return std::nullopt;
        return QDateTime(date, time, QTimeZone::utc()); // both as written: no zone, no DST shift
    };
    const auto here = when(shown), there = when(compared);
    if (!here || !there)
        return {};
    const qint64 d = there->secsTo(*here); // > 0: the other one is the earlier
    RecordingOrder o;
    o.seconds = std::abs(d);
    o.kind = o.seconds < 60 ? RecordingOrder::Kind::SameTime
             : d > 0        ? RecordingOrder::Kind::Earlier
                            : RecordingOrder::Kind::Later;
    return o;
}

QString recordingOrderText(const RecordingOrder& order, bool anonymise)
{
    using K = RecordingOrder::Kind;
    if (order.kind == K::Unknown)
        return Report::tr("order unknown");
    if (order.kind == K::SameTime)
        return Report::tr("at the same time");
    const bool earlier = order.kind == K::Earlier;
    if (anonymise)
        return earlier ? Report::tr("earlier") : Report::tr("later");
    const qint64 minutes = order.seconds / 60, hours = minutes / 60, days = hours / 24;
    // Months and years as a calendar counts them roughly: 30.44 and 365.25 days.
    const int months = int(double(order.seconds) / (30.44 * 86400.0));
    const int years = int(double(order.seconds) / (365.25 * 86400.0));
    QString amount;
    if (hours < 1)
        amount = Report::tr("%n minute(s)", nullptr, int(minutes));
    else if (days < 2)
        amount = Report::tr("%n hour(s)", nullptr, int(hours));
    else if (days < 61)
        amount = Report::tr("%n day(s)", nullptr, int(days));
    else if (years < 2)
        amount = Report::tr("%n month(s)", nullptr, months);
    else
        amount = Report::tr("%n year(s)", nullptr, years);
    return earlier ? Report::tr("%1 earlier").arg(amount) : Report::tr("%1 later").arg(amount);
}

QStringList patientIdentifiers(const QString& name, const QString& id)
{
    QStringList out;
    for (const QString& s : {name, id})
        if (!s.trimmed().isEmpty())
            out << s;
    for (const QString& word :
         name.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts))
        if (word.size() >= 2 && !word.endsWith(QLatin1Char('.')))
            out << word;
    return out;
}

bool fileNameNamesPatient(const QString& fileName, const QString& name, const QString& id)
{
    const QStringList ids = patientIdentifiers(name, id);
    return std::any_of(ids.begin(), ids.end(), [&](const QString& word) {
        return fileName.contains(word, Qt::CaseInsensitive);
    });
}

QString inlineIdentifier(const QString& text)
{
    constexpr qsizetype kMaxChars = 48;
    return isolated(text.size() <= kMaxChars ? text : text.left(kMaxChars - 1) + QChar(0x2026));
}

QString isolated(const QString& text)
{
    return QChar(0x2068) + text + QChar(0x2069); // FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE
}

QString isoDateText(const Date& date)
{
    return QStringLiteral("%1-%2-%3")
        .arg(date.year, 4, 10, QLatin1Char('0'))
        .arg(date.month, 2, 10, QLatin1Char('0'))
        .arg(date.day, 2, 10, QLatin1Char('0'));
}

bool differentNames(const std::string& a, const std::string& b)
{
    if (a.empty() || b.empty())
        return false;
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    static const QRegularExpression trailingGroup(
        QStringLiteral("^(.*\\S)\\s*\\(([^()]*)\\)\\s*$"));
    auto words = [](const QString& name) {
        QStringList w = name.toCaseFolded().split(separators, Qt::SkipEmptyParts);
        w.sort();
        return w;
    };
    // The ways a name can be written: whole, and for "Yamada, Tarou (山田 太郎)" (a DICOM name's
    // alphabetic and ideographic groups) each part alone, since another file may give one. Two
    // names that both have the groups are compared whole: the same reading may be written with
    // other characters, another person's.
    auto forms = [&](const std::string& name) {
        const QString n = QString::fromStdString(name);
        QList<QStringList> out{words(n)};
        if (const auto m = trailingGroup.match(n); m.hasMatch())
            out << words(m.captured(1)) << words(m.captured(2));
        return out;
    };
    const QList<QStringList> fa = forms(a), fb = forms(b);
    if ((fa.size() > 1) == (fb.size() > 1))
        return fa.front() != fb.front();
    const QList<QStringList>& grouped = fa.size() > 1 ? fa : fb;
    const QStringList& plain = fa.size() > 1 ? fb.front() : fa.front();
    for (const QStringList& x : grouped)
        if (!x.isEmpty() && x == plain)
            return false;
    return true;
}

QString recordingOrderWarning(const RecordingOrder& order)
{
    switch (order.kind) {
    case RecordingOrder::Kind::Earlier:
        return {};
    case RecordingOrder::Kind::Later:
        return Report::tr("The ECG compared with was recorded after this one: each change runs "
                          "from the later ECG back to the earlier.");
    case RecordingOrder::Kind::SameTime:
        return Report::tr("Both ECGs start at the same time: is the ECG compared with the same "
                          "recording in another file?");
    case RecordingOrder::Kind::Unknown:
        break;
    }
    return Report::tr("A recording date is missing: which ECG is the earlier is not known.");
}

std::string conditioningText(const dsp::ConditionOptions& c)
{
    QStringList parts;
    if (c.baseline)
        parts << Report::tr("%1 Hz high-pass").arg(localNumber(c.baselineCutoffHz, 'g', 6));
    if (c.mains)
        parts << Report::tr("%1 Hz notch").arg(localNumber(c.mainsHz, 'g', 6));
    if (c.lowPassHz)
        parts << Report::tr("%1 Hz low-pass").arg(localNumber(*c.lowPassHz, 'g', 6));
    return (parts.isEmpty() ? Report::tr("no filters") : parts.join(QStringLiteral(", ")))
        .toStdString();
}

std::vector<AdviceEntry> adviceEntries(const std::vector<advice::AdviceItem>& items)
{
    std::vector<AdviceEntry> out;
    for (const auto& item : items)
        out.push_back({advice::severityName(item.severity), item.title, item.text,
                       engineText(item.basisParts, QStringLiteral("; ")).toStdString(),
                       item.source});
    return out;
}

std::string modelTrainingData(const std::string& modelDir)
{
    QFile f(QString::fromStdString(modelDir) + QStringLiteral("/model.json"));
    if (modelDir.empty() || !f.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject model = QJsonDocument::fromJson(f.readAll()).object();
    return model.value(QStringLiteral("data")).toString().toStdString();
}

QString probabilityText(double probability)
{
    if (!std::isfinite(probability))
        return QStringLiteral("n/a");
    return QLocale().toString(100.0 * probability, 'f', 1) + QStringLiteral(" %");
}

QString paperName(Paper paper)
{
    return paper == Paper::Letter ? QStringLiteral("letter") : QStringLiteral("a4");
}

QString paperTitle(Paper paper)
{
    return paper == Paper::Letter ? Report::tr("US Letter") : Report::tr("A4");
}

std::optional<Paper> paperFromName(const QString& name)
{
    for (const Paper p : {Paper::A4, Paper::Letter})
        if (name.compare(paperName(p), Qt::CaseInsensitive) == 0)
            return p;
    return std::nullopt;
}

Paper paperForTerritory(QLocale::Territory territory)
{
    switch (territory) {
    case QLocale::UnitedStates:
    case QLocale::PuertoRico:
    case QLocale::UnitedStatesVirginIslands:
    case QLocale::Guam:
    case QLocale::AmericanSamoa:
    case QLocale::NorthernMarianaIslands:
    case QLocale::UnitedStatesOutlyingIslands:
    case QLocale::Canada:
    case QLocale::Mexico:
    case QLocale::Philippines:
    case QLocale::Chile:
    case QLocale::Colombia:
        return Paper::Letter;
    default:
        return Paper::A4;
    }
}

Paper systemPaper()
{
    return paperForTerritory(QLocale::system().territory());
}

std::optional<Paper> paperOf(const QPageSize& size)
{
    switch (size.id()) {
    case QPageSize::A4:
        return Paper::A4;
    case QPageSize::Letter:
        return Paper::Letter;
    default:
        return std::nullopt;
    }
}

QPageLayout reportPageLayout(Paper paper)
{
    return QPageLayout(QPageSize(paper == Paper::Letter ? QPageSize::Letter : QPageSize::A4),
                       QPageLayout::Landscape, QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
}

Result<int> renderReport(const ReportInput& in, QPagedPaintDevice& device)
{
    using R = Result<int>;
    const QPageLayout layout = reportPageLayout(in.paper);
    if (!device.setPageLayout(layout))
        return R::failure("The output does not take a " + paperName(in.paper).toStdString() +
                          " landscape page without margins, which the report's true-scale ECG "
                          "pages need.");
    const Pages pages(device);
    const Recording& signal = in.displaySignal ? *in.displaySignal : in.recording;
    const std::vector<EcgPage> ecg = ecgPages(in, signal);
    // The clinician's caliper measurements, marked where they were made.
    std::vector<PaperMark> marks;
    for (const CaliperEntry& c : in.calipers)
        for (std::size_t l = 0; l < signal.leads.size(); ++l)
            if (signal.leads[l].name == c.lead && c.toS > c.fromS)
                marks.push_back({int(l), c.fromS, c.toS, QString::fromStdString(c.shortText)});
    std::vector<std::vector<PaperBand>> bands;
    for (const xai::RecordingExplanation* e : explanationsOf(in))
        bands.push_back(paperBands(*e, signal));
    const std::vector<TextBlock> blocks = detailBlocks(in);
    const auto textPages = pages.paginate(blocks);
    const int total = int(ecg.size() + textPages.size());

    QPainter p;
    if (!p.begin(&device))
        return R::failure("Cannot start drawing the report.");
    p.setRenderHint(QPainter::Antialiasing, true);
    // The A4 design centred on the sheet (on Letter: 8.8 mm further left, 3 mm lower), set again
    // on every page whatever a device does with the painter's state at a new page.
    const QSizeF sheet = layout.fullRect(QPageLayout::Millimeter).size();
    const QPointF centred = pages.mm().point((sheet.width() - kDesignPageMm.width()) / 2.0,
                                             (sheet.height() - kDesignPageMm.height()) / 2.0);
    const auto newPage = [&] {
        const bool added = device.newPage();
        p.resetTransform();
        p.translate(centred);
        return added;
    };
    p.translate(centred);
    int page = 0;
    bool pagesAdded = true;
    const std::vector<double> stimuli = stimulusTimes(in.findings);
    for (const EcgPage& e : ecg) {
        if (page > 0)
            pagesAdded = newPage() && pagesAdded;
        ++page;
        if (page == 1)
            pages.drawFirstHeader(p, in, e.shown);
        else
            pages.drawEcgHeader(p, in, e.shown);
        drawEcgPage(p, pages.mm(), signal, e.paper, !in.displaySignal, marks,
                    e.explanation >= 0 ? bands[std::size_t(e.explanation)]
                                       : std::vector<PaperBand>{},
                    stimuli);
        if (e.explanation >= 0)
            pages.drawBandLegend(p);
        pages.drawFooter(p, in, page, total);
    }
    for (const auto& placed : textPages) {
        pagesAdded = newPage() && pagesAdded;
        ++page;
        pages.drawRunningHeader(p, in, Report::tr("ECG report · details"));
        for (const Placed& b : placed)
            pages.drawBlock(p, b);
        pages.drawFooter(p, in, page, total);
    }
    if (!p.end() || !pagesAdded)
        return R::failure("Drawing the report's " + std::to_string(total) + " pages failed.");
    return total;
}

namespace {

/// Removes the document information's creation date (the day and time the report was made,
/// which can date the examination) by overwriting the entry with blanks: the byte offsets the
/// PDF's cross-reference table holds stay valid.
void blankCreationDate(QByteArray& pdf)
{
    static const QByteArray key = QByteArrayLiteral("/CreationDate (");
    const qsizetype at = pdf.indexOf(key);
    if (at < 0)
        return;
    const qsizetype end = pdf.indexOf(')', at + key.size());
    if (end < 0)
        return;
    for (qsizetype i = at; i <= end; ++i)
        pdf[i] = ' ';
}

} // namespace

Result<bool> writeReport(const ReportInput& in, const QString& path)
{
    using R = Result<bool>;
    if (in.signer && in.anonymise)
        return R::failure("An anonymised report is not signed: the signature would name its "
                          "signer. Export it without a signature.");
    if (samePath(path, in.recording.sourcePath))
        return R::failure("The report path is the recording itself (" + path.toStdString() +
                          "); choose another file name.");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return R::failure("Cannot write the report to " + path.toStdString() + ": " +
                          file.errorString().toStdString() + ". Choose a folder you can write to.");
    QBuffer pdf; // drawn in memory first: an anonymised one loses its creation date below
    pdf.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&pdf);
        writer.setResolution(kDpi);
        writer.setTitle(documentTitle(in));
        writer.setCreator(QString::fromStdString(in.softwareVersion));
        if (const auto drawn = renderReport(in, writer); !drawn) {
            file.cancelWriting();
            return R::failure("Writing the PDF " + path.toStdString() +
                              " failed: " + drawn.error());
        }
    }
    QByteArray bytes = pdf.data();
    if (in.anonymise)
        blankCreationDate(bytes);
    if (in.signer) {
        auto signedPdf =
            signPdf(bytes, *in.signer, Report::tr("ECG report exported from ECG Lens"));
        if (!signedPdf) {
            file.cancelWriting();
            return R::failure(signedPdf.error() + " Nothing was written to " + path.toStdString() +
                              '.');
        }
        bytes = std::move(signedPdf).value();
    }
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return R::failure("Cannot save the report " + path.toStdString() + ": " +
                          file.errorString().toStdString() + '.');
    }
    if (!file.commit())
        return R::failure("Cannot save the report " + path.toStdString() + ": " +
                          file.errorString().toStdString() + '.');
    return true;
}

} // namespace ecglens::report
