#include "advice_panel.h"
#include "engine_text.h"

#include "report.h"

#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ecglens {

AdvicePanel::AdvicePanel(QWidget* parent)
    : QWidget(parent), m_context(new QLabel(this)), m_view(new QTextBrowser(this))
{
    auto* layout = new QVBoxLayout(this);
    auto* caution = new QLabel(
        tr("Decision support, not a diagnosis: prompts for the clinician's own judgement, each "
           "with the guideline it comes from.") +
            QLatin1Char(' ') + report::adviceLimitText(),
        this);
    caution->setWordWrap(true);
    caution->setStyleSheet(QStringLiteral("QLabel { color: #7a4a00; font-weight: bold; }"));
    m_context->setWordWrap(true);
    m_view->setOpenLinks(false);
    m_view->setAccessibleName(tr("Health advice"));
    layout->addWidget(caution);
    layout->addWidget(m_context);
    layout->addWidget(m_view, 1);
    setItems({}, tr("Open a recording to see advice."));
}

void AdvicePanel::setItems(std::vector<advice::AdviceItem> items, const QString& context)
{
    m_items = std::move(items);
    m_context->setText(context);
    QString html;
    for (const auto& item : m_items) {
        const char* colour = item.severity == advice::Severity::Prompt     ? "#a00000"
                             : item.severity == advice::Severity::Consider ? "#8a5a00"
                                                                           : "#555555";
        html += QStringLiteral("<p><span style=\"color:%1; font-weight:bold\">%2</span> "
                               "<b>%3</b><br>%4")
                    .arg(QLatin1String(colour), report::severityWord(item.severity).toHtmlEscaped(),
                         QString::fromStdString(item.title).toHtmlEscaped(),
                         QString::fromStdString(item.text).toHtmlEscaped());
        if (!item.basis.empty())
            html += QStringLiteral("<br><i>%1</i> %2")
                        .arg(tr("Based on:").toHtmlEscaped(),
                             engineText(item.basisParts, QStringLiteral("; ")).toHtmlEscaped());
        html += QStringLiteral("<br><small style=\"color:#555555\">%1 %2</small></p>")
                    .arg(tr("Source:").toHtmlEscaped(),
                         QString::fromStdString(item.source).toHtmlEscaped());
    }
    m_view->setHtml(html);
}

} // namespace ecglens
