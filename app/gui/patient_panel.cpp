#include "patient_panel.h"

#include "engine_text.h"
#include "report.h"

#include "core/text.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace ecglens {

PatientPanel::PatientPanel(QWidget* parent)
    : QWidget(parent), m_name(new QLineEdit(this)), m_id(new QLineEdit(this)),
      m_born(new QLabel(this)), m_age(new QDoubleSpinBox(this)), m_sex(new QComboBox(this)),
      m_source(new QLabel(this)), m_statements(new QLabel(this))
{
    auto* form = new QFormLayout(this);
    m_name->setObjectName(QStringLiteral("patientName"));
    m_name->setPlaceholderText(tr("not in file — type to add"));
    // As long as the readers keep a name or ID (core/text.h displayText): a paste of a whole
    // document into the field does not become a report page of its own.
    m_name->setMaxLength(256);
    m_id->setMaxLength(256);
    m_id->setPlaceholderText(tr("not in file — type to add"));
    m_born->setObjectName(QStringLiteral("patientBirthDate"));
    m_born->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_age->setRange(-1, 130);
    m_age->setDecimals(0);
    m_age->setSpecialValueText(tr("unknown — set it"));
    m_age->setSuffix(tr(" years"));
    m_sex->addItem(tr("unknown"), int(Sex::Unknown));
    m_sex->addItem(tr("male"), int(Sex::Male));
    m_sex->addItem(tr("female"), int(Sex::Female));
    m_source->setWordWrap(true);
    m_statements->setWordWrap(true);
    m_statements->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Patient ID"), m_id);
    form->addRow(tr("Date of birth"), m_born);
    form->addRow(tr("Age"), m_age);
    form->addRow(tr("Sex"), m_sex);
    form->addRow(m_source);
    form->addRow(m_statements);
    connect(m_name, &QLineEdit::editingFinished, this, &PatientPanel::readEdits);
    connect(m_id, &QLineEdit::editingFinished, this, &PatientPanel::readEdits);
    connect(m_age, &QDoubleSpinBox::valueChanged, this, &PatientPanel::readEdits);
    connect(m_sex, &QComboBox::currentIndexChanged, this, &PatientPanel::readEdits);
    setRecording(nullptr);
}

void PatientPanel::setRecording(const Recording* recording)
{
    m_loading = true;
    m_patient = recording ? recording->patient : Patient{};
    m_name->setText(QString::fromStdString(m_patient.name));
    m_name->setCursorPosition(0); // a long name shows its start
    m_id->setText(QString::fromStdString(m_patient.id));
    const std::optional<Date>& born = m_patient.birthDate;
    m_born->setText(born ? report::isoDateText(*born)
                         : (recording ? tr("not in file") : QString()));
    m_age->setValue(m_patient.ageYears ? *m_patient.ageYears : -1);
    m_sex->setCurrentIndex(m_sex->findData(int(m_patient.sex)));
    // What the file states is not editable here; what it leaves out is.
    m_name->setReadOnly(recording && !m_patient.name.empty());
    m_id->setReadOnly(recording && !m_patient.id.empty());
    m_age->setReadOnly(recording && m_patient.ageYears.has_value());
    m_sex->setEnabled(!recording || m_patient.sex == Sex::Unknown);
    m_source->setText(recording ? tr("Grey fields come from the file; empty ones can be filled in "
                                     "(saved with the review).")
                                : QString());
    QStringList lines;
    if (recording)
        for (const Statement& s : recording->statements) {
            // The file's words are isolated: a Hebrew or Arabic statement keeps "(80 %)" after it.
            QString line = s.code.empty() ? report::isolated(statementText(s))
                                          : QString::fromStdString(s.code);
            if (!s.code.empty() && !s.text.empty())
                line += QStringLiteral(" — ") + report::isolated(statementText(s));
            if (s.likelihood >= 0)
                line += QStringLiteral(" (%1 %)").arg(s.likelihood);
            lines << line;
        }
    m_statements->setText(lines.isEmpty() ? QString()
                                          : tr("Statements in the file:") + QStringLiteral("\n") +
                                                lines.join(QLatin1Char('\n')));
    m_loading = false;
}

bool PatientPanel::idEditable() const
{
    return !m_id->isReadOnly();
}

QString PatientPanel::nameText() const
{
    return m_name->text();
}

QString PatientPanel::birthDateText() const
{
    return m_patient.birthDate ? m_born->text() : QString();
}

bool PatientPanel::nameEditable() const
{
    return !m_name->isReadOnly();
}

bool PatientPanel::ageEditable() const
{
    return !m_age->isReadOnly();
}

bool PatientPanel::sexEditable() const
{
    return m_sex->isEnabled();
}

void PatientPanel::applyEntered(const QString& id, const QString& name,
                                std::optional<double> ageYears, Sex sex)
{
    bool changed = false;
    m_loading = true;
    for (auto [edit, text] : {std::pair{m_id, id}, std::pair{m_name, name}})
        if (!edit->isReadOnly() && !text.isEmpty() && edit->text() != text) {
            edit->setText(text);
            edit->setCursorPosition(0);
            changed = true;
        }
    if (ageEditable() && ageYears && m_age->value() != *ageYears) {
        m_age->setValue(*ageYears);
        changed = true;
    }
    if (sexEditable() && sex != Sex::Unknown && m_sex->currentData().toInt() != int(sex)) {
        m_sex->setCurrentIndex(m_sex->findData(int(sex)));
        changed = true;
    }
    m_loading = false;
    if (changed)
        readEdits();
}

void PatientPanel::readEdits()
{
    if (m_loading)
        return;
    // Typed text is cleaned as a reader cleans a file's (one line, no controls, no runs of
    // spaces), so a typed name and the same name read from a review compare equal.
    m_patient.id = displayText(m_id->text().toStdString());
    if (nameEditable()) // the file's stays as read
        m_patient.name = displayText(m_name->text().toStdString());
    if (m_age->value() >= 0)
        m_patient.ageYears = m_age->value();
    else
        m_patient.ageYears.reset();
    m_patient.sex = static_cast<Sex>(m_sex->currentData().toInt());
    emit patientEdited(m_patient);
}

QString PatientPanel::statementsText() const
{
    return m_statements->text();
}

} // namespace ecglens
