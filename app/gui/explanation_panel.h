#pragma once

#include "contributions.h"
#include "core/recording.h"
#include "engine_worker.h"
#include "xai/explain_recording.h"

#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSlider;

namespace ecglens {

class ContributionLegend;
class EcgPlot;
class LeadContributionChart;
class WaterfallChart;
struct AppSettings;

/// "Explanation" dock: why the model gave its output for one 10 s window. Puts the SHAP
/// contributions on the plot as bands (toggle, threshold), shows the colour legend with the
/// removal baseline, the per-lead summary, the waterfall from the base value to the output, the
/// method, and the run-time efficiency check — a failed check is shown in red, never hidden.
/// The user chooses the players (beats x leads, 1-s segments x leads, or leads only, which is
/// exact) and the removal baseline (isoelectric or the shipped normal template) of the next
/// explanation; the result states which were used.
class ExplanationPanel : public QWidget
{
    Q_OBJECT
public:
    ExplanationPanel(EcgPlot* plot, AppSettings& settings, QWidget* parent = nullptr);

    /// Shows `explanation` of a window of `recording` (the recording on the plot).
    void setExplanation(std::shared_ptr<const xai::RecordingExplanation> explanation,
                        const Recording& recording);
    /// "Explaining 12.0–22.0 s … 40 %".
    void setRunning(double fraction);
    void setPending(double startS, double endS);
    /// A message instead of an explanation (removes the bands from the plot).
    void setMessage(const QString& text, bool error);
    void clear();

    std::shared_ptr<const xai::RecordingExplanation> explanation() const { return m_explanation; }
    /// The bands handed to the plot (all of them, before threshold/visibility).
    const std::vector<ContributionBand>& bands() const { return m_bands; }
    /// The per-lead summary as given to the chart (present leads, log-odds).
    const QStringList& leadNames() const { return m_leadNames; }
    const std::vector<double>& leadValues() const { return m_leadValues; }

    ContributionLegend* legend() const { return m_legend; }
    LeadContributionChart* leadChart() const { return m_leadChart; }
    WaterfallChart* waterfall() const { return m_waterfall; }
    QLabel* statusLabel() const { return m_status; }
    QLabel* methodLabel() const { return m_method; }
    QLabel* efficiencyLabel() const { return m_efficiency; }
    QCheckBox* showToggle() const { return m_show; }
    QDoubleSpinBox* thresholdSpin() const { return m_threshold; }

    /// Shows or hides the bands on the plot (and ticks the toggle); persisted in the settings.
    void setContributionsVisible(bool visible);

    /// The players and baseline chosen for the next explanation.
    xai::PlayerKind playerChoice() const;
    xai::BaselineKind baselineChoice() const;
    void setChoices(xai::PlayerKind players, xai::BaselineKind baseline);
    /// Copies the choices into a request for the explanation job.
    void applyChoices(ExplainRequest& request) const;
    QComboBox* playersBox() const { return m_players; }
    QComboBox* baselineBox() const { return m_baseline; }

signals:
    void contributionsVisibilityChanged(bool visible);
    /// The user changed the players or the baseline (the shown window may be explained again).
    void choicesChanged();

private:
    void setThreshold(double absLogOdds);
    void setBaselineCaption(xai::BaselineKind kind);
    /// "isoelectric" / "normal template" (xai::baselineName), translated.
    static QString baselineText(xai::BaselineKind kind);

    EcgPlot* m_plot;
    AppSettings& m_settings;
    QLabel* m_status;
    QComboBox* m_players;
    QComboBox* m_baseline;
    ContributionLegend* m_legend;
    QCheckBox* m_show;
    QSlider* m_slider;
    QDoubleSpinBox* m_threshold;
    QLabel* m_method;
    QLabel* m_efficiency;
    QLabel* m_leadCaption;
    LeadContributionChart* m_leadChart;
    QLabel* m_waterfallCaption;
    WaterfallChart* m_waterfall;

    std::shared_ptr<const xai::RecordingExplanation> m_explanation;
    std::vector<ContributionBand> m_bands;
    QStringList m_leadNames;
    std::vector<double> m_leadValues;
    QString m_pendingWindow;
};

} // namespace ecglens
