#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;

namespace ecglens {

/// One line above the traces: the detector's verdict (class written out, probability, model
/// name and version), or analysis progress, or a message (no model, failed, cancelled); the
/// warnings on a second line. Always says "Decision support, not a diagnosis." The background
/// tint follows the class (green-ish, amber, red) but never carries the meaning alone.
/// Hidden while empty.
class VerdictBanner : public QWidget
{
    Q_OBJECT
public:
    enum class State { Empty, Verdict, Running, Message, Error };

    explicit VerdictBanner(QWidget* parent = nullptr);

    /// verdictClass: "normal" | "borderline" | "anomalous"; probability 0..1; basis: what the
    /// class was decided against (e.g. "borderline from 5.5 %, anomalous from 8.1 %: age 40–64,
    /// 12 leads"), shown in brackets after the probability when not empty.
    void setVerdict(const QString& verdictClass, double probability,
                    const QString& modelNameVersion, const QStringList& warnings,
                    const QString& basis = {});
    /// A probability (0..1) as the banner writes it: "8.1 %" in the user's locale; "n/a" if not
    /// finite.
    static QString percentText(double probability);
    /// "Normal", "Borderline", "Anomalous" (translated) for the engine's class names.
    static QString classWord(const QString& verdictClass);
    /// "Analysing… 42 %"; fraction 0..1 (negative: no figure yet).
    void setRunning(double fraction);
    void setMessage(const QString& text, bool error);
    void clear();

    /// The full visible text, lines separated by '\n' (tests read it).
    QString text() const;
    State state() const { return m_state; }
    QString verdictClass() const { return m_class; }

private:
    void present(const QString& line1, const QString& line2, const QColor& background,
                 const QColor& foreground);

    QLabel* m_line1;
    QLabel* m_line2;
    State m_state = State::Empty;
    QString m_class;
};

} // namespace ecglens
