#pragma once

#include "core/recording.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace ecglens {

/// Patient name, ID, date of birth, age and sex as the file gives them. Name, ID, age and sex the
/// file leaves empty are editable (age matters for the advice; name and ID go on the report) and
/// saved with the review; the date of birth is shown as the file gives it.
class PatientPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PatientPanel(QWidget* parent = nullptr);

    /// Shows the file's values; clears edits.
    void setRecording(const Recording* recording);
    /// File values overlaid with the user's edits.
    Patient patient() const { return m_patient; }
    bool idEditable() const;
    bool nameEditable() const;
    /// The name and the date of birth (ISO 8601) as shown; empty when the file has none.
    QString nameText() const;
    QString birthDateText() const;
    bool ageEditable() const;
    /// "Statements in the file:" and one line per statement (empty when the file has none).
    QString statementsText() const;
    bool sexEditable() const;
    /// Fills the fields the file leaves empty with values the clinician entered earlier (a
    /// saved review); emits patientEdited() when anything changed.
    void applyEntered(const QString& id, const QString& name, std::optional<double> ageYears,
                      Sex sex);

signals:
    void patientEdited(const ecglens::Patient& patient);

private:
    void readEdits();

    Patient m_patient;
    QLineEdit* m_name;
    QLineEdit* m_id;
    QLabel* m_born;
    QDoubleSpinBox* m_age;
    QComboBox* m_sex;
    QLabel* m_source;
    QLabel* m_statements;
    bool m_loading = false;
};

} // namespace ecglens
