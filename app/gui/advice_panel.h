#pragma once

#include "advice/advice.h"

#include <QWidget>

#include <vector>

class QLabel;
class QTextBrowser;

namespace ecglens {

/// Advice for the clinician (engine advice::adviceFor): conservative items tailored to the
/// patient's age, each with what triggered it and the guideline it comes from.
class AdvicePanel : public QWidget
{
    Q_OBJECT
public:
    explicit AdvicePanel(QWidget* parent = nullptr);

    /// Shows `items`; `context` says what they were derived from (or why there are none).
    void setItems(std::vector<advice::AdviceItem> items, const QString& context);
    const std::vector<advice::AdviceItem>& items() const { return m_items; }
    QTextBrowser* view() const { return m_view; }

private:
    QLabel* m_context;
    QTextBrowser* m_view;
    std::vector<advice::AdviceItem> m_items;
};

/// "Prompt", "Consider", "Info" for people (translated).
QString severityText(advice::Severity severity);

} // namespace ecglens
