#pragma once

#include "core/recording.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace ecglens {

/// Patient ID, age and sex as the file gives them. Fields the file leaves empty are editable
/// (age matters for the advice later); edits live in the window state until sidecars exist.
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
    bool ageEditable() const;
    /// "Statements in the file:" and one line per statement (empty when the file has none).
    QString statementsText() const;
    bool sexEditable() const;
    /// Fills the fields the file leaves empty with values the clinician entered earlier (a
    /// saved review); emits patientEdited() when anything changed.
    void applyEntered(const QString& id, std::optional<double> ageYears, Sex sex);

signals:
    void patientEdited(const ecglens::Patient& patient);

private:
    void readEdits();

    Patient m_patient;
    QLineEdit* m_id;
    QDoubleSpinBox* m_age;
    QComboBox* m_sex;
    QLabel* m_source;
    QLabel* m_statements;
    bool m_loading = false;
};

} // namespace ecglens
