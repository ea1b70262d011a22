#include "explanation_panel.h"
#include "engine_text.h"

#include "shortcuts.h"

#include "app_settings.h"
#include "contribution_legend.h"
#include "core/lead_names.h"
#include "ecg_plot.h"
#include "lead_contribution_chart.h"
#include "waterfall_chart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace ecglens {

namespace {

constexpr int kSliderSteps = 100;

} // namespace

ExplanationPanel::ExplanationPanel(EcgPlot* plot, AppSettings& settings, QWidget* parent)
    : QWidget(parent), m_plot(plot), m_settings(settings), m_status(new QLabel(this)),
      m_players(new QComboBox(this)), m_baseline(new QComboBox(this)),
      m_legend(new ContributionLegend(this)), m_show(new QCheckBox(tr("Show on the trace"), this)),
      m_slider(new QSlider(Qt::Horizontal, this)), m_threshold(new QDoubleSpinBox(this)),
      m_method(new QLabel(this)), m_efficiency(new QLabel(this)),
      m_leadCaption(new QLabel(tr("Per lead (sum of its segments, log-odds)"), this)),
      m_leadChart(new LeadContributionChart(this)),
      m_waterfallCaption(new QLabel(tr("From the base value to the model output"), this)),
      m_waterfall(new WaterfallChart(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("explanationStatus"));
    layout->addWidget(m_status);

    // Item data: the engine enum values (xai::PlayerKind, xai::BaselineKind).
    m_players->addItem(tr("Beats × leads"), int(xai::PlayerKind::Beats));
    m_players->addItem(tr("1-s segments × leads"), int(xai::PlayerKind::Seconds));
    m_players->addItem(tr("Leads only (exact)"), int(xai::PlayerKind::Leads));
    m_players->setObjectName(QStringLiteral("explanationPlayers"));
    m_players->setToolTip(tr("What the contributions are computed for. Beats × leads and "
                             "1-s segments × leads use KernelSHAP when there are more than 14 "
                             "players; leads only (one player per lead) is exact."));
    m_baseline->addItem(tr("Isoelectric"), int(xai::BaselineKind::Isoelectric));
    m_baseline->addItem(tr("Normal template (PTB-XL)"), int(xai::BaselineKind::NormalTemplate));
    m_baseline->setObjectName(QStringLiteral("explanationBaseline"));
    m_baseline->setToolTip(tr("What replaces a removed segment: the flat isoelectric level, or "
                              "the average normal beat of PTB-XL placed at each detected beat "
                              "(needs detected beats)."));
    auto* choices = new QFormLayout;
    choices->addRow(tr("&Players:"), m_players);
    choices->addRow(tr("&Baseline:"), m_baseline);
    layout->addLayout(choices);
    layout->addWidget(m_legend);

    m_show->setToolTip(tr("Coloured bands over each explained (lead, beat) segment"));
    layout->addWidget(m_show);
    auto* controls = new QHBoxLayout;
    auto* thresholdLabel = new QLabel(tr("Hide below"), this);
    controls->addWidget(thresholdLabel);
    m_slider->setRange(0, kSliderSteps);
    m_slider->setAccessibleName(tr("Hide contributions below"));
    m_slider->setToolTip(tr("Hide contributions smaller than this share of the largest"));
    controls->addWidget(m_slider, 1);
    m_threshold->setRange(0.0, 100.0);
    m_threshold->setDecimals(3);
    m_threshold->setSingleStep(0.01);
    m_threshold->setSuffix(tr(" log-odds"));
    m_threshold->setToolTip(tr("Contributions with |value| below this are not drawn"));
    thresholdLabel->setBuddy(m_threshold);
    controls->addWidget(m_threshold);
    layout->addLayout(controls);

    m_method->setWordWrap(true);
    m_method->setObjectName(QStringLiteral("explanationMethod"));
    layout->addWidget(m_method);
    m_efficiency->setWordWrap(true);
    m_efficiency->setObjectName(QStringLiteral("efficiencyCheck"));
    layout->addWidget(m_efficiency);
    layout->addWidget(m_leadCaption);
    // Twelve labelled bars and eleven waterfall rows need room to stay readable; the dock
    // scrolls (see AnalysisController) rather than squeezing them.
    m_leadChart->setMinimumHeight(260);
    layout->addWidget(m_leadChart, 3);
    layout->addWidget(m_waterfallCaption);
    m_waterfall->setMinimumHeight(300);
    layout->addWidget(m_waterfall, 4);

    setBaselineCaption(xai::BaselineKind::Isoelectric);
    m_show->setChecked(m_settings.showContributions);
    m_plot->setContributionsVisible(m_settings.showContributions);
    connect(m_show, &QCheckBox::toggled, this, &ExplanationPanel::setContributionsVisible);
    connect(m_players, &QComboBox::currentIndexChanged, this, &ExplanationPanel::choicesChanged);
    connect(m_baseline, &QComboBox::currentIndexChanged, this, &ExplanationPanel::choicesChanged);
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this, &ExplanationPanel::setThreshold);
    connect(m_slider, &QSlider::valueChanged, this, [this](int step) {
        const double scale = m_plot->contributionScale();
        if (scale > 0)
            m_threshold->setValue(scale * step / kSliderSteps);
    });
    clear();
}

void ExplanationPanel::setContributionsVisible(bool visible)
{
    if (m_show->isChecked() != visible) {
        m_show->setChecked(visible); // comes back here through toggled()
        return;
    }
    m_plot->setContributionsVisible(visible);
    if (m_settings.showContributions != visible) {
        m_settings.showContributions = visible;
        emit contributionsVisibilityChanged(visible);
    }
}

xai::PlayerKind ExplanationPanel::playerChoice() const
{
    return xai::PlayerKind(m_players->currentData().toInt());
}

xai::BaselineKind ExplanationPanel::baselineChoice() const
{
    return xai::BaselineKind(m_baseline->currentData().toInt());
}

void ExplanationPanel::setChoices(xai::PlayerKind players, xai::BaselineKind baseline)
{
    m_players->setCurrentIndex(m_players->findData(int(players)));
    m_baseline->setCurrentIndex(m_baseline->findData(int(baseline)));
}

void ExplanationPanel::applyChoices(ExplainRequest& request) const
{
    request.players = playerChoice();
    request.baseline = baselineChoice();
}

void ExplanationPanel::setThreshold(double absLogOdds)
{
    m_plot->setContributionThreshold(absLogOdds);
    m_legend->setThreshold(absLogOdds);
    const double scale = m_plot->contributionScale();
    const QSignalBlocker block(m_slider);
    m_slider->setValue(
        scale > 0 ? int(std::lround(std::min(1.0, absLogOdds / scale) * kSliderSteps)) : 0);
}

QString ExplanationPanel::baselineText(xai::BaselineKind kind)
{
    return kind == xai::BaselineKind::Isoelectric ? tr("isoelectric") : tr("normal template");
}

void ExplanationPanel::setBaselineCaption(xai::BaselineKind kind)
{
    m_legend->setBaselineName(
        tr("removed segments replaced by: %1 baseline").arg(baselineText(kind)));
}

void ExplanationPanel::clear()
{
    setMessage(tr("No explanation yet. Pick a flagged segment, or Analysis ▸ Explain shown "
                  "window (%1).")
                   .arg(shortcuts::text(shortcuts::explain())),
               false);
}

void ExplanationPanel::setMessage(const QString& text, bool error)
{
    m_explanation.reset();
    m_bands.clear();
    m_leadNames.clear();
    m_leadValues.clear();
    m_plot->clearContributions();
    m_plot->highlightStrongest(0);
    m_legend->setScale(0.0);
    m_leadChart->clear();
    m_waterfall->clear();
    m_method->clear();
    m_efficiency->clear();
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("QLabel { color: #b00020; font-weight: bold; }")
                                  : QString());
}

void ExplanationPanel::setPending(double startS, double endS)
{
    m_pendingWindow = tr("%1–%2 s").arg(localNumber(startS, 'f', 1), localNumber(endS, 'f', 1));
    setRunning(-1.0);
}

void ExplanationPanel::setRunning(double fraction)
{
    m_status->setStyleSheet(QString());
    m_status->setText(fraction < 0 ? tr("Explaining %1 …").arg(m_pendingWindow)
                                   : tr("Explaining %1 … %2 %")
                                         .arg(m_pendingWindow)
                                         .arg(int(std::lround(fraction * 100))));
}

void ExplanationPanel::setExplanation(std::shared_ptr<const xai::RecordingExplanation> explanation,
                                      const Recording& recording)
{
    if (!explanation) {
        clear();
        return;
    }
    m_explanation = std::move(explanation);
    const xai::RecordingExplanation& e = *m_explanation;
    const xai::Attribution& a = e.attribution;
    const xai::ShapleyResult& s = a.shap;
    const std::vector<int> plotLead = recordingLeadsForStandardLeads(recording);

    // Bands on the plot: the players' standard lead mapped to the plot's lead by name; leads
    // the recording lacks have no trace to draw on.
    m_bands = contributionBands(e, recording);
    std::vector<WaterfallChart::Step> steps;
    steps.reserve(a.players.size());
    for (std::size_t i = 0; i < a.players.size() && i < s.values.size(); ++i)
        steps.push_back(
            {tr("%1 %2–%3 s")
                 .arg(analysedLeadName(a.players[i].lead, e.leadsDerived),
                      localNumber(e.playerStartS(i), 'f', 1), localNumber(e.playerEndS(i), 'f', 1)),
             s.values[i]});
    setBaselineCaption(a.baselineKind);
    m_plot->setContributions(m_bands);
    m_plot->setContributionsVisible(m_show->isChecked());
    m_legend->setScale(m_plot->contributionScale());
    setThreshold(m_threshold->value());

    m_leadNames.clear();
    m_leadValues.clear();
    for (int k = 0; k < int(e.leadSums.size()); ++k)
        if (k < int(plotLead.size()) && plotLead[std::size_t(k)] >= 0) {
            m_leadNames << analysedLeadName(k, e.leadsDerived);
            m_leadValues.push_back(e.leadSums[std::size_t(k)]);
        }
    m_leadChart->setValues(m_leadNames, m_leadValues);
    m_waterfall->setWaterfall(s.baseValue, steps, s.fullValue, e.model.calibrationA,
                              e.model.calibrationB);

    m_status->setStyleSheet(QString());
    m_status->setText(
        tr("Window %1–%2 s: probability of abnormal %3 (all segments removed: "
           "%4); log-odds %5 → %6.")
            .arg(localNumber(e.windowStartS, 'f', 1), localNumber(e.windowEndS, 'f', 1),
                 localNumber(e.probability, 'f', 3), localNumber(e.baseProbability, 'f', 3),
                 localNumber(s.baseValue, 'f', 3), localNumber(s.fullValue, 'f', 3)));
    const QString players = a.playerKind == xai::PlayerKind::Beats     ? tr("lead × beat")
                            : a.playerKind == xai::PlayerKind::Seconds ? tr("lead × 1 s")
                                                                       : tr("whole leads");
    QString method =
        s.method == xai::ShapleyMethod::Exact
            ? tr("Exact Shapley values over %1 players (%2), %3 model evaluations.")
                  .arg(a.players.size())
                  .arg(players)
                  .arg(s.evaluations)
            : tr("KernelSHAP over %1 players (%2), %3 model evaluations; largest standard "
                 "error %4.")
                  .arg(a.players.size())
                  .arg(players)
                  .arg(s.evaluations)
                  .arg(localNumber(
                      s.standardErrors.empty()
                          ? 0.0
                          : *std::max_element(s.standardErrors.begin(), s.standardErrors.end()),
                      'g', 2));
    method += QLatin1Char(' ') +
              tr("Removed segments replaced by the %1 baseline.").arg(baselineText(a.baselineKind));
    if (!a.note.empty())
        method += QLatin1Char(' ') + QString::fromStdString(a.note);
    m_method->setText(method);
    if (e.efficiencyProblem.empty() && s.efficient) {
        m_efficiency->setStyleSheet(QString());
        m_efficiency->setText(tr("Efficiency check passed: the contributions add up to output "
                                 "− base within %1 (tolerance %2).")
                                  .arg(localNumber(s.efficiencyError, 'g', 2),
                                       localNumber(s.efficiencyTolerance, 'g', 2)));
    } else {
        m_efficiency->setStyleSheet(
            QStringLiteral("QLabel { color: #b00020; font-weight: bold; }"));
        m_efficiency->setText(
            tr("Efficiency check FAILED — these contributions are not reliable: %1")
                .arg(e.efficiencyProblem.empty()
                         ? tr("error %1 > tolerance %2")
                               .arg(localNumber(s.efficiencyError, 'g', 2),
                                    localNumber(s.efficiencyTolerance, 'g', 2))
                         : QString::fromStdString(e.efficiencyProblem)));
    }
}

} // namespace ecglens
