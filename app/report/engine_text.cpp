#include "engine_text.h"

#include "core/lead_names.h"
#include "core/recording.h"
#include "dsp/signal_kind.h"
#include "dsp/st_segment.h"
#include "ecg_layout.h"
#include "io/messages.h"
#include "lead_scale_text.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace ecglens {

namespace {

struct Entry
{
    const char* id;
    const char* english; ///< the engine's template, word for word (tst_i18n checks)
};

// Detector warnings (engine/ml/messages.h), advice bases (advice::basisMessageTemplates) and
// reader warnings (engine/io/messages.h).
constexpr Entry kEntries[] = {
    {"detector.under_18",
     QT_TRANSLATE_NOOP("Engine", "patient is %1 years old: the model was validated on adults "
                                 "(PTB-XL); paediatric ECGs differ — interpret with care")},
    {"detector.few_leads",
     QT_TRANSLATE_NOOP("Engine", "only %1 of the 12 standard leads (%2): accuracy is lower than "
                                 "with 12 leads (see the model card)")},
    {"detector.unevaluated_leads",
     QT_TRANSLATE_NOOP("Engine", "no thresholds were chosen for these leads alone (%1); those of "
                                 "the nearest lead set (%2) are used, so sensitivity and "
                                 "specificity may differ from the model card's figures for %2")},
    {"detector.limb_leads_inconsistent",
     QT_TRANSLATE_NOOP("Engine", "leads I, II and III break Einthoven's law (see the reader's "
                                 "warning): the amplitudes the model reads are probably wrong, so "
                                 "its output is not reliable")},
    {"detector.derived_leads",
     QT_TRANSLATE_NOOP("Engine", "%1 computed from the recorded limb leads %2 (Einthoven's law, "
                                 "Goldberger's equations), as an electrocardiograph computes "
                                 "them, and analysed with them; the traces drawn as \"(computed)\" "
                                 "are computed the same way")},
    {"model.no_folder",
     QT_TRANSLATE_NOOP("Engine", "no model folder given and no installed model found; set "
                                 "ECGLENS_MODEL_DIR to the folder holding manifest.json")},
    {"model.no_manifest",
     QT_TRANSLATE_NOOP("Engine", "model folder %1 has no manifest.json; it is incomplete or not an "
                                 "ECG Lens folder; the model is refused — reinstall the model")},
    {"model.manifest_damaged",
     QT_TRANSLATE_NOOP("Engine", "%1 is damaged (%2); the model is refused — reinstall the model")},
    {"model.file_unlisted",
     QT_TRANSLATE_NOOP("Engine", "model folder %1: %2 is not listed in manifest.json, so it is "
                                 "mismatched; the model is refused — reinstall the model")},
    {"model.invalid_file_name",
     QT_TRANSLATE_NOOP(
         "Engine", "%1 lists an invalid file name; the model is refused — reinstall the model")},
    {"model.file_missing",
     QT_TRANSLATE_NOOP("Engine",
                       "file %1 is missing from %2; the model is refused — reinstall the model")},
    {"model.file_modified",
     QT_TRANSLATE_NOOP("Engine",
                       "file %1 in %2 has been modified or damaged (SHA-256 %3 does not match "
                       "the manifest's %4); the model is refused — reinstall the model")},
    {"model.measurement_model",
     QT_TRANSLATE_NOOP("Engine",
                       "%1 holds a measurement model (logistic regression, forest or gradient "
                       "boosting), not a neural detector; it runs with `ecglens-cli analyze "
                       "--model %1`; the viewer needs a neural model such as resnet1d")},
    {"model.input_mismatch",
     QT_TRANSLATE_NOOP("Engine", "%1: the model expects an input this version of ECG Lens does not "
                                 "produce (rate, window or leads); it is refused as mismatched")},
    {"model.version_mismatch",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: version \"%2\" does not end in \"%3\", the fingerprint of its weights "
                       "and model.json; re-stamp it by training or recalibrating")},
    {"model.no_model_json", QT_TRANSLATE_NOOP("Engine", "%1: no model.json")},
    {"baseline.no_manifest",
     QT_TRANSLATE_NOOP(
         "Engine",
         "the normal-template baseline in %1 has no manifest.json; it is incomplete or not an ECG "
         "Lens folder; it is refused; reinstall ECG Lens or use the isoelectric baseline")},
    {"baseline.manifest_damaged",
     QT_TRANSLATE_NOOP(
         "Engine",
         "%1 is damaged (%2); it is refused; reinstall ECG Lens or use the isoelectric baseline")},
    {"baseline.file_unlisted",
     QT_TRANSLATE_NOOP(
         "Engine",
         "the normal-template baseline in %1: %2 is not listed in manifest.json, so it is "
         "mismatched; it is refused; reinstall ECG Lens or use the isoelectric baseline")},
    {"baseline.invalid_file_name",
     QT_TRANSLATE_NOOP("Engine", "%1 lists an invalid file name; it is refused; reinstall ECG Lens "
                                 "or use the isoelectric baseline")},
    {"baseline.file_missing",
     QT_TRANSLATE_NOOP("Engine", "file %1 is missing from %2; it is refused; reinstall ECG Lens or "
                                 "use the isoelectric baseline")},
    {"baseline.file_modified",
     QT_TRANSLATE_NOOP(
         "Engine",
         "file %1 in %2 has been modified or damaged (SHA-256 %3 does not match the manifest's "
         "%4); it is refused; reinstall ECG Lens or use the isoelectric baseline")},
    {"baseline.not_normal_beat",
     QT_TRANSLATE_NOOP("Engine", "the normal-template baseline in %1: %2 is not a normal-beat "
                                 "file; reinstall ECG Lens or use the isoelectric baseline")},
    {"detector.leads_unsupported",
     QT_TRANSLATE_NOOP("Engine",
                       "no verdict on %1 alone: the detector needs lead II (alone or with V1), "
                       "two limb leads (it computes the others) or all 12 leads; on other leads "
                       "alone it marked nearly every held-out ECG abnormal (see the model card, "
                       "reduced lead sets)")},
    {"detector.low_rate",
     QT_TRANSLATE_NOOP("Engine", "sampling rate %1 Hz is below the model's 100 Hz; the signal was "
                                 "upsampled and detail is missing")},
    {"detector.short",
     QT_TRANSLATE_NOOP(
         "Engine",
         "recording is %1 s long, shorter than the model's 10 s window; the rest is padded")},
    {"detector.long",
     QT_TRANSLATE_NOOP(
         "Engine", "recording is %1 min long: the model was validated on 10 s resting ECGs only; "
                   "on Holter records (MIT-BIH, see the model card) most windows are flagged even "
                   "without annotated events — compare windows on the probability track")},
    {"detector.flat_lead",
     QT_TRANSLATE_NOOP("Engine",
                       "lead %1 is flat (%2 mV range) — electrode off or lead not connected?")},
    {"detector.noisy_lead",
     QT_TRANSLATE_NOOP(
         "Engine",
         "lead %1 is very noisy (%2 mV median sample-to-sample change) — check the electrode")},
    {"detector.invalid_samples",
     QT_TRANSLATE_NOOP("Engine", "lead %1: %2 % of samples are invalid")},
    {"detector.unknown_lead",
     QT_TRANSLATE_NOOP(
         "Engine", "'%1' is not one of the 12 leads the model was trained on; it is not analysed")},
    {"detector.no_standard_lead",
     QT_TRANSLATE_NOOP("Engine",
                       "none of the recording's leads is a standard ECG lead (I, II, III, "
                       "aVR, aVL, aVF, V1-V6, MLII) that the model can analyse")},
    {"advice.heart_rate", QT_TRANSLATE_NOOP("Engine", "heart rate %1 bpm")},
    {"advice.pr", QT_TRANSLATE_NOOP("Engine", "PR %1 ms")},
    {"advice.qrs", QT_TRANSLATE_NOOP("Engine", "QRS %1 ms")},
    {"advice.qtc", QT_TRANSLATE_NOOP("Engine", "QTc %1 ms (%2)")},
    {"advice.qtc_qrs_adjusted",
     QT_TRANSLATE_NOOP("Engine",
                       "QTc %1 ms (Fridericia, of QT %2 ms less 48.5 % of QRS %3 ms: Bogossian)")},
    {"advice.duration", QT_TRANSLATE_NOOP("Engine", "recording %1 s")},
    {"advice.st_elevation",
     QT_TRANSLATE_NOOP("Engine", "ST elevation at J: %1 (thresholds %2 mV in V2 and V3, %3 mV in "
                                 "other leads)")},
    {"advice.st_depression",
     QT_TRANSLATE_NOOP("Engine", "ST depression at J: %1 (at least %2 mV at J and J+60 ms, "
                                 "horizontal or downsloping)")},
    {"advice.st_elevation_concordant",
     QT_TRANSLATE_NOOP("Engine", "ST elevation at J concordant with the QRS: %1 (at least %2 mV "
                                 "where the QRS is mainly positive)")},
    {"advice.lvh_sokolow_lyon",
     QT_TRANSLATE_NOOP("Engine",
                       "Sokolow-Lyon (S in V1 + R in V5 or V6) %1 mV, criterion at least %2 mV")},
    {"advice.lvh_cornell",
     QT_TRANSLATE_NOOP("Engine", "Cornell (R in aVL + S in V3) %1 mV, criterion above %2 mV")},
    {"advice.paced_beats", QT_TRANSLATE_NOOP("Engine", "pacemaker spikes before %1 of %2 beats")},
    {"advice.paced_beats_shape",
     QT_TRANSLATE_NOOP("Engine",
                       "pacemaker spikes before %1 of %2 beats, %3 more paced by their QRS shape")},
    {"advice.st_compared_also",
     QT_TRANSLATE_NOOP("Engine", "also met on the ECG compared with (%1)")},
    {"advice.st_compared_not", QT_TRANSLATE_NOOP("Engine", "not met on the ECG compared with")},
    {"advice.st_computed_leads",
     QT_TRANSLATE_NOOP("Engine", "%1 computed from two recorded limb leads")},
    {"advice.finding", QT_TRANSLATE_NOOP("Engine", "rhythm finding: %1")},
    {"advice.finding_leads", QT_TRANSLATE_NOOP("Engine", "leads %1")},
    {"advice.finding_compared_also",
     QT_TRANSLATE_NOOP("Engine", "also found on the ECG compared with")},
    {"advice.finding_compared_also_leads",
     QT_TRANSLATE_NOOP("Engine", "also found on the ECG compared with (leads %1)")},
    {"advice.finding_compared_not",
     QT_TRANSLATE_NOOP("Engine", "not found on the ECG compared with")},
    {"advice.finding.sinus_rhythm", QT_TRANSLATE_NOOP("Engine", "rhythm finding: sinus rhythm")},
    {"advice.finding.sinus_bradycardia",
     QT_TRANSLATE_NOOP("Engine", "rhythm finding: sinus bradycardia")},
    {"advice.finding.sinus_tachycardia",
     QT_TRANSLATE_NOOP("Engine", "rhythm finding: sinus tachycardia")},
    {"advice.finding.bradycardia",
     QT_TRANSLATE_NOOP("Engine", "rhythm finding: bradycardia, P waves not identified")},
    {"advice.finding.tachycardia",
     QT_TRANSLATE_NOOP("Engine", "rhythm finding: tachycardia, P waves not identified")},
    {"advice.finding.normal_rate_no_p_wave",
     QT_TRANSLATE_NOOP("Engine", "rhythm finding: P waves not identified")},
    {"advice.finding.irregular_rhythm_possible_af",
     QT_TRANSLATE_NOOP("Engine", "rhythm finding: irregular rhythm without P waves")},
    {"advice.finding.pause", QT_TRANSLATE_NOOP("Engine", "rhythm finding: pause")},
    {"advice.finding.premature_ventricular_beats",
     QT_TRANSLATE_NOOP("Engine", "rhythm finding: premature ventricular / wide-QRS beats")},
    {"advice.finding.premature_supraventricular_beats",
     QT_TRANSLATE_NOOP("Engine", "rhythm finding: premature narrow beats")},
    {"advice.finding.arm_electrode_reversal",
     QT_TRANSLATE_NOOP("Engine", "finding: P and QRS negative in lead I")},
    {"advice.finding.arm_leg_electrode_reversal",
     QT_TRANSLATE_NOOP("Engine", "finding: P and QRS negative in lead II")},
    {"advice.finding.pacemaker_spikes",
     QT_TRANSLATE_NOOP("Engine", "finding: pacemaker spikes before beats")},
    {"advice.finding.left_bundle_branch_block",
     QT_TRANSLATE_NOOP("Engine", "finding: QRS shaped as left bundle branch block")},
    {"advice.finding.right_bundle_branch_block",
     QT_TRANSLATE_NOOP("Engine", "finding: QRS shaped as right bundle branch block")},
    {"advice.finding.left_anterior_fascicular_block",
     QT_TRANSLATE_NOOP("Engine", "finding: QRS shaped as left anterior fascicular block")},
    {"advice.finding.pathological_q_waves",
     QT_TRANSLATE_NOOP("Engine", "finding: pathological Q waves in two contiguous leads")},
    {"advice.verdict.none", QT_TRANSLATE_NOOP("Engine", "no detector verdict")},
    {"advice.verdict.normal",
     QT_TRANSLATE_NOOP("Engine", "detector verdict normal (probability of abnormal %1)")},
    {"advice.verdict.borderline",
     QT_TRANSLATE_NOOP("Engine", "detector verdict borderline (probability of abnormal %1)")},
    {"advice.verdict.anomalous",
     QT_TRANSLATE_NOOP("Engine", "detector verdict anomalous (probability of abnormal %1)")},
    {"advice.verdict.normal.bare", QT_TRANSLATE_NOOP("Engine", "detector verdict normal")},
    {"advice.verdict.borderline.bare", QT_TRANSLATE_NOOP("Engine", "detector verdict borderline")},
    {"advice.verdict.anomalous.bare", QT_TRANSLATE_NOOP("Engine", "detector verdict anomalous")},
    {"advice.patient.age", QT_TRANSLATE_NOOP("Engine", "age %1")},
    {"advice.patient.no_age", QT_TRANSLATE_NOOP("Engine", "age not recorded")},
    {"advice.patient.man", QT_TRANSLATE_NOOP("Engine", "man, age %1")},
    {"advice.patient.man.no_age", QT_TRANSLATE_NOOP("Engine", "man, age not recorded")},
    {"advice.patient.woman", QT_TRANSLATE_NOOP("Engine", "woman, age %1")},
    {"advice.patient.woman.no_age", QT_TRANSLATE_NOOP("Engine", "woman, age not recorded")},
    {"advice.patient.sex_unknown", QT_TRANSLATE_NOOP("Engine", "sex not recorded, age %1")},
    {"advice.patient.sex_unknown.no_age",
     QT_TRANSLATE_NOOP("Engine", "sex not recorded, age not recorded")},
    // Reader warnings (engine/io/messages.h).
    {"reader.edf.start_unreadable",
     QT_TRANSLATE_NOOP(
         "Engine",
         "The start date/time fields (%1, %2) are not dd.mm.yy / hh.mm.ss; start time unknown.")},
    {"reader.edf.startdate_mismatch",
     QT_TRANSLATE_NOOP("Engine", "The EDF+ recording field says Startdate %1 but the start "
                                 "date field says %2; using the start date field.")},
    {"reader.edf.header_size",
     QT_TRANSLATE_NOOP("Engine",
                       "The header-size field says %1 bytes but %2 signals make %3; using %3.")},
    {"reader.edf.record_count_unknown",
     QT_TRANSLATE_NOOP(
         "Engine",
         "The number of data records is -1 (unknown); %1 complete records found in the file.")},
    {"reader.edf.truncated",
     QT_TRANSLATE_NOOP("Engine",
                       "The header declares %1 data records but the file holds %2 complete "
                       "ones - file truncated? Reading what is there.")},
    {"reader.edf.trailing_bytes",
     QT_TRANSLATE_NOOP("Engine", "%1 bytes after the last declared data record were ignored.")},
    {"reader.edf.no_complete_record",
     QT_TRANSLATE_NOOP("Engine", "The file holds no complete data record.")},
    {"reader.edf.discontinuous_without_annotations",
     QT_TRANSLATE_NOOP(
         "Engine", "EDF+D file without an annotation signal: record times unknown, records placed "
                   "contiguously.")},
    {"reader.edf.gaps",
     QT_TRANSLATE_NOOP(
         "Engine",
         "Discontinuous recording: %1 gap(s) totalling %2 s, shown as missing (NaN) samples.")},
    {"reader.edf.overlaps",
     QT_TRANSLATE_NOOP(
         "Engine", "%1 data record(s) start before the previous one ends; placed right after it.")},
    {"reader.edf.unlabelled_signal",
     QT_TRANSLATE_NOOP("Engine", "signal %1 has no label; it is shown as '%2'.")},
    {"reader.edf.annotations_only",
     QT_TRANSLATE_NOOP("Engine", "The file holds annotations only, no signals.")},
    {"reader.edf.malformed_annotations",
     QT_TRANSLATE_NOOP("Engine", "%1 malformed EDF+ annotation(s) (TAL) skipped.")},
    {"reader.wfdb.truncated",
     QT_TRANSLATE_NOOP("Engine", "%1: %2 samples expected, %3 holds %4 — file truncated?")},
    {"reader.wfdb.skew_beyond_end",
     QT_TRANSLATE_NOOP("Engine", "%1: skewed signal(s); the last samples lie beyond the end of "
                                 "%2 and are marked invalid.")},
    {"reader.wfdb.checksum",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: checksum mismatch (header %2, data %3) — the signal file may be "
                       "damaged or belong to another record.")},
    {"reader.wfdb.annotations_unreadable", QT_TRANSLATE_NOOP("Engine", "%1")},
    {"reader.wfdb.segment_missing",
     QT_TRANSLATE_NOOP("Engine",
                       "segment %1 (%2 samples) is missing: the recording ends at %3 s.")},
    {"reader.wfdb.segment_warning", QT_TRANSLATE_NOOP("Engine", "segment %1: %2")},
    {"reader.wfdb.segment_length",
     QT_TRANSLATE_NOOP("Engine",
                       "segment %1: the master header says %2 samples, the segment holds %3.")},
    {"reader.wfdb.segment_calibration",
     QT_TRANSLATE_NOOP(
         "Engine",
         "segment %1, %2: gain or baseline differs from the first segment; physical values follow "
         "each segment's own calibration.")},
    {"reader.ptbxl.not_listed",
     QT_TRANSLATE_NOOP("Engine",
                       "PTB-XL: %1 is not listed in %2; age, sex and statements unknown.")},
    {"reader.csv.no_header",
     QT_TRANSLATE_NOOP("Engine", "No header row with lead names; columns are named ch1..ch%1.")},
    {"reader.csv.bad_cells",
     QT_TRANSLATE_NOOP("Engine",
                       "%1 cell(s) were empty or not numbers and are shown as gaps (NaN); "
                       "first at line %2, column %3: %4.")},
    {"reader.csv.short_rows",
     QT_TRANSLATE_NOOP("Engine",
                       "%1 row(s) have fewer values than the header (first: line %2 has %3 "
                       "of %4); the missing values are gaps (NaN).")},
    {"reader.csv.time_not_uniform",
     QT_TRANSLATE_NOOP("Engine", "The time column is not uniformly spaced (line %1: %2 after %3, "
                                 "the usual step is %4); using the given sampling rate.")},
    {"reader.csv.time_step_differs",
     QT_TRANSLATE_NOOP(
         "Engine",
         "The time column's average step (%1) differs from its usual step (%2) - samples missing? "
         "Using the given sampling rate.")},
    {"reader.csv.rate_conflict",
     QT_TRANSLATE_NOOP("Engine",
                       "The time column implies %1 Hz but %2 Hz was given; using %2 Hz.")},
    {"reader.csv.unit_assumed",
     QT_TRANSLATE_NOOP(
         "Engine",
         "The header gives no unit for some columns; assumed mV. Name the unit in the header (e.g. "
         "\"II (uV)\") or pass it when opening.")},
    {"reader.dicom.truncated",
     QT_TRANSLATE_NOOP("Engine",
                       "%1 samples per lead expected, the file holds %2 — file truncated?")},
    {"reader.dicom.channel_definitions_missing",
     QT_TRANSLATE_NOOP("Engine", "channel definitions are missing for some channels; their "
                                 "amplitudes are shown unscaled.")},
    {"reader.dicom.unknown_unit",
     QT_TRANSLATE_NOOP("Engine", "%1: unknown amplitude unit '%2'; values shown as stored.")},
    {"reader.dicom.skew",
     QT_TRANSLATE_NOOP("Engine", "%1: a sample skew of %2 ms is declared and not applied.")},
    {"reader.scp.section_outside",
     QT_TRANSLATE_NOOP("Engine", "section %1 is said to lie at byte %2 (%3 bytes) but the file "
                                 "has only %4 bytes; section ignored.")},
    {"reader.scp.section_header_mismatch",
     QT_TRANSLATE_NOOP("Engine", "section %1: the table of contents points to a section header "
                                 "that does not match it (found "
                                 "id %2); section ignored.")},
    {"reader.scp.section_checksum",
     QT_TRANSLATE_NOOP("Engine",
                       "section %1: checksum (CRC) mismatch — the section may be damaged.")},
    {"reader.scp.patient_field_overrun",
     QT_TRANSLATE_NOOP("Engine", "section 1 (patient data): field %1 runs past the end of "
                                 "the section; the rest is ignored.")},
    {"reader.scp.interpretation_overrun",
     QT_TRANSLATE_NOOP("Engine",
                       "section 8 (interpretation): statement %1 runs past the section end.")},
    {"reader.scp.universal_statement_overrun",
     QT_TRANSLATE_NOOP(
         "Engine", "section 11 (universal statements): statement %1 runs past the section end.")},
    {"reader.scp.file_truncated",
     QT_TRANSLATE_NOOP("Engine", "the file is %1 bytes but declares %2 — file truncated?")},
    {"reader.scp.trailing_bytes",
     QT_TRANSLATE_NOOP(
         "Engine",
         "the file has %1 bytes after the declared end of the record; they are ignored.")},
    {"reader.scp.file_checksum",
     QT_TRANSLATE_NOOP("Engine", "file checksum (CRC) mismatch — the file may be damaged.")},
    {"reader.scp.leads_not_aligned",
     QT_TRANSLATE_NOOP("Engine", "%1 starts at sample %2, lead 1 at sample %3; the leads are shown "
                                 "from their first samples "
                                 "and are not aligned in time.")},
    {"reader.scp.qrs_count",
     QT_TRANSLATE_NOOP("Engine", "section 4 lists %1 QRS complexes but holds fewer.")},
    {"reader.scp.reference_beats_missing",
     QT_TRANSLATE_NOOP(
         "Engine",
         "the file says reference beats were subtracted, but section 4 or 5 is missing: the rhythm "
         "shown is the residual, not the full ECG.")},
    {"reader.scp.reference_beats_zero_interval",
     QT_TRANSLATE_NOOP("Engine", "section 5 has a zero sampling interval; the rhythm shown is the "
                                 "residual, not the full ECG.")},
    {"reader.scp.reference_beat_damaged", QT_TRANSLATE_NOOP("Engine", "section 5, lead %1: %2.")},
    {"reader.scp.lead_damaged",
     QT_TRANSLATE_NOOP("Engine", "%1: %2; samples after that point are missing.")},
    {"reader.scp.lead_short",
     QT_TRANSLATE_NOOP("Engine", "%1: %2 samples expected, the file holds %3 — file truncated? "
                                 "Missing samples are blank.")},
    {"reader.hl7.not_sampled",
     QT_TRANSLATE_NOOP("Engine", "%1: value type '%2' is not a sampled list; lead skipped.")},
    {"reader.hl7.no_unit",
     QT_TRANSLATE_NOOP("Engine", "%1: the scale has no unit; microvolts assumed.")},
    {"reader.hl7.no_lead_code",
     QT_TRANSLATE_NOOP("Engine", "a lead sequence has no lead code; it is shown as '%1'.")},
    {"reader.hl7.not_numbers",
     QT_TRANSLATE_NOOP("Engine", "%1: %2 values are not numbers; shown as gaps.")},
    {"reader.hl7.no_samples",
     QT_TRANSLATE_NOOP("Engine", "%1: the sequence holds no samples; lead skipped.")},
    {"reader.hl7.age_conflict",
     QT_TRANSLATE_NOOP("Engine", "the file reports an age of %1 years, but the birth date and "
                                 "recording date give %2; the latter is used.")},
    {"reader.hl7.length_differs",
     QT_TRANSLATE_NOOP("Engine", "%1: %2 samples, other leads have %3.")},
    {"reader.wfdb.header_unopenable",
     QT_TRANSLATE_NOOP("Engine", "%1: cannot open the WFDB header.")},
    {"reader.wfdb.header_too_large",
     QT_TRANSLATE_NOOP("Engine", "%1: too large to be a WFDB header.")},
    {"reader.wfdb.header_empty",
     QT_TRANSLATE_NOOP("Engine", "%1: empty WFDB header (no record line).")},
    {"reader.wfdb.header_binary",
     QT_TRANSLATE_NOOP("Engine", "%1: not a WFDB header (binary data).")},
    {"reader.wfdb.record_line_short",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: record line %2: expected a record name and a number of signals")},
    {"reader.wfdb.record_line_segments",
     QT_TRANSLATE_NOOP("Engine", "%1: record line %2: invalid number of segments")},
    {"reader.wfdb.record_line_signals",
     QT_TRANSLATE_NOOP("Engine", "%1: record line %2: invalid number of signals %3")},
    {"reader.wfdb.record_line_frequency",
     QT_TRANSLATE_NOOP("Engine", "%1: record line %2: invalid sampling frequency %3")},
    {"reader.wfdb.record_line_frequency_not_positive",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: record line %2: sampling frequency must be positive (got %3 Hz)")},
    {"reader.wfdb.record_line_samples",
     QT_TRANSLATE_NOOP("Engine", "%1: record line %2: invalid number of samples %3")},
    {"reader.wfdb.signal_line_short",
     QT_TRANSLATE_NOOP("Engine", "%1: signal line %2: expected a file name and a storage format")},
    {"reader.wfdb.signal_line_format",
     QT_TRANSLATE_NOOP("Engine", "%1: signal line %2: invalid storage format %3")},
    {"reader.wfdb.signal_line_gain",
     QT_TRANSLATE_NOOP("Engine", "%1: signal line %2: invalid gain %3")},
    {"reader.wfdb.signal_line_resolution",
     QT_TRANSLATE_NOOP("Engine", "%1: signal line %2: invalid ADC resolution %3")},
    {"reader.wfdb.signal_line_zero",
     QT_TRANSLATE_NOOP("Engine", "%1: signal line %2: invalid ADC zero %3")},
    {"reader.wfdb.signal_line_initial",
     QT_TRANSLATE_NOOP("Engine", "%1: signal line %2: invalid initial value %3")},
    {"reader.wfdb.signal_line_checksum",
     QT_TRANSLATE_NOOP("Engine", "%1: signal line %2: invalid checksum %3")},
    {"reader.wfdb.signal_line_block_size",
     QT_TRANSLATE_NOOP("Engine", "%1: signal line %2: invalid block size %3")},
    {"reader.wfdb.segment_line",
     QT_TRANSLATE_NOOP("Engine", "%1: segment line %2: expected a record name and a length")},
    {"reader.wfdb.segment_count",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: the record line announces %2 segments, the header lists %3.")},
    {"reader.wfdb.signal_count",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: the record line announces %2 signals, the header describes %3.")},
    {"reader.wfdb.frame_implausible",
     QT_TRANSLATE_NOOP("Engine", "%1: %2 samples per frame is not a plausible recording.")},
    {"reader.wfdb.unknown_format",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: %2 uses storage format %3, which is not a WFDB format (known: 8, 16, "
                       "24, 32, 61, 80, 160, 212, 310, 311, 508, 516, 524).")},
    {"reader.wfdb.mixed_formats",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: signals in %2 declare different storage formats (%3 and %4).")},
    {"reader.wfdb.signal_file_missing",
     QT_TRANSLATE_NOOP("Engine", "%1: signal file %2 not found (it holds %3).")},
    {"reader.wfdb.too_long",
     QT_TRANSLATE_NOOP("Engine", "%1: the header declares %2 samples per signal (%3 signals), more "
                                 "than this program accepts (%4 samples in all).")},
    {"reader.wfdb.segments_too_long",
     QT_TRANSLATE_NOOP("Engine", "%1: the header declares %2 samples per signal, more than this "
                                 "program accepts (%3 samples in all).")},
    {"reader.wfdb.signal_file_empty",
     QT_TRANSLATE_NOOP(
         "Engine", "%1: %2 holds no samples (%3: %4 samples expected) — file empty or truncated?")},
    {"reader.wfdb.nested_segment",
     QT_TRANSLATE_NOOP("Engine", "%1: a segment may not itself be a multi-segment record.")},
    {"reader.wfdb.signal_file_unopenable",
     QT_TRANSLATE_NOOP("Engine", "%1: cannot open the signal file.")},
    {"reader.wfdb.signal_file_seek",
     QT_TRANSLATE_NOOP("Engine", "%1: cannot seek to byte offset %2.")},
    {"reader.wfdb.flac_too_many_signals",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: FLAC signal files hold at most 8 signals, the header puts %2 in it.")},
    {"reader.wfdb.flac_frame_layout",
     QT_TRANSLATE_NOOP("Engine", "%1: signals of one FLAC file must share samples-per-frame.")},
    {"reader.wfdb.flac_unopenable",
     QT_TRANSLATE_NOOP("Engine", "%1: cannot open the FLAC signal file (%2).")},
    {"reader.wfdb.flac_channels",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: the FLAC stream has %2 channels, the header describes %3 signals.")},
    {"reader.wfdb.flac_data_error", QT_TRANSLATE_NOOP("Engine", "%1: FLAC data error (%2).")},
    {"reader.open.unreadable", QT_TRANSLATE_NOOP("Engine", "%1: cannot read the file (%2).")},
    {"reader.open.unopenable", QT_TRANSLATE_NOOP("Engine", "%1: cannot open the file.")},
    {"reader.edf.header_short",
     QT_TRANSLATE_NOOP(
         "Engine", "%1: the header is shorter than 256 bytes - not an EDF file, or truncated.")},
    {"reader.edf.version_field",
     QT_TRANSLATE_NOOP("Engine", "%1: the version field is %2, expected \"0\" (EDF) or "
                                 "0xFF\"BIOSEMI\" (BDF) - not an EDF/BDF file.")},
    {"reader.edf.record_count_field",
     QT_TRANSLATE_NOOP("Engine", "%1: the number of data records %2 is not a count.")},
    {"reader.edf.duration_field",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: the data record duration %2 is not a non-negative number of seconds.")},
    {"reader.edf.signal_count_field",
     QT_TRANSLATE_NOOP("Engine", "%1: the number of signals %2 is not 1-4096.")},
    {"reader.edf.header_truncated",
     QT_TRANSLATE_NOOP("Engine", "%1: the header declares %2 signals, which needs %3 header bytes, "
                                 "but the file has only %4 bytes - file truncated?")},
    {"reader.edf.signal_headers_unreadable",
     QT_TRANSLATE_NOOP("Engine", "%1: could not read the signal headers.")},
    {"reader.edf.physical_min_field",
     QT_TRANSLATE_NOOP("Engine", "%1: signal %2 (%3): the physical minimum %4 is not a number.")},
    {"reader.edf.physical_max_field",
     QT_TRANSLATE_NOOP("Engine", "%1: signal %2 (%3): the physical maximum %4 is not a number.")},
    {"reader.edf.digital_min_field",
     QT_TRANSLATE_NOOP("Engine", "%1: signal %2 (%3): the digital minimum %4 is not a number.")},
    {"reader.edf.digital_max_field",
     QT_TRANSLATE_NOOP("Engine", "%1: signal %2 (%3): the digital maximum %4 is not a number.")},
    {"reader.edf.samples_per_record_field",
     QT_TRANSLATE_NOOP(
         "Engine",
         "%1: signal %2 (%3): the number of samples per record %4 is not a positive count.")},
    {"reader.edf.zero_duration",
     QT_TRANSLATE_NOOP("Engine", "%1: the data record duration is 0 s but the file has signals; "
                                 "cannot derive a sampling rate.")},
    {"reader.edf.digital_range",
     QT_TRANSLATE_NOOP("Engine", "%1: signal %2 (%3): digital maximum %4 is not above digital "
                                 "minimum %5; the values cannot be scaled.")},
    {"reader.edf.physical_range",
     QT_TRANSLATE_NOOP("Engine", "%1: signal %2 (%3): physical minimum and maximum are both %4; "
                                 "the values cannot be scaled.")},
    {"reader.edf.too_many_records",
     QT_TRANSLATE_NOOP("Engine", "%1: the header declares %2 data records = %3 samples, more than "
                                 "the limit of %4 - header corrupt?")},
    {"reader.edf.too_many_samples",
     QT_TRANSLATE_NOOP("Engine", "%1: the file holds %2 samples, more than the limit of %3.")},
    {"reader.edf.record_unreadable",
     QT_TRANSLATE_NOOP("Engine", "%1: could not read data record %2.")},
    {"reader.edf.records_unreadable",
     QT_TRANSLATE_NOOP("Engine", "%1: could not read data records %2-%3.")},
    {"reader.edf.record_times_span",
     QT_TRANSLATE_NOOP(
         "Engine", "%1: the record times span %2 s for %3 s of data - corrupt EDF+ record times?")},
    {"reader.edf.record_times_too_long",
     QT_TRANSLATE_NOOP("Engine", "%1: the record times span %2 s = %3 samples, more than the limit "
                                 "of %4 - corrupt record times?")},
    {"reader.csv.too_large",
     QT_TRANSLATE_NOOP("Engine", "%1: the file is too large to load as text (%2 bytes).")},
    {"reader.csv.binary",
     QT_TRANSLATE_NOOP(
         "Engine",
         "%1: the file contains binary data (NUL bytes); it is not a text/CSV recording.")},
    {"reader.csv.no_lines", QT_TRANSLATE_NOOP("Engine", "%1: the file holds no text lines.")},
    {"reader.csv.no_columns", QT_TRANSLATE_NOOP("Engine", "%1: the header row names no columns.")},
    {"reader.csv.no_rows",
     QT_TRANSLATE_NOOP("Engine", "%1: the file holds a header row but no data rows.")},
    {"reader.csv.no_signals",
     QT_TRANSLATE_NOOP("Engine", "%1: the file has a time column but no signal columns.")},
    {"reader.csv.too_many_samples",
     QT_TRANSLATE_NOOP("Engine", "%1: %2 rows x %3 columns exceed the sample limit of %4.")},
    {"reader.csv.row_too_long",
     QT_TRANSLATE_NOOP("Engine", "%1: line %2 has %3 values but the header names %4 columns.")},
    {"reader.csv.time_missing",
     QT_TRANSLATE_NOOP("Engine", "%1: line %2: the time column has no number.")},
    {"reader.csv.time_not_increasing",
     QT_TRANSLATE_NOOP("Engine", "%1: the time column (%2) does not increase.")},
    {"reader.csv.time_irregular",
     QT_TRANSLATE_NOOP(
         "Engine", "%1: the time column is not uniformly spaced (line %2: %3 after %4, the usual "
                   "step is %5); resample the data or give the sampling rate explicitly.")},
    {"reader.csv.time_gaps",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: the time column's average step (%2) differs from its usual step (%3) - "
                       "samples missing? Resample the data or give the sampling rate explicitly.")},
    {"reader.csv.rate_not_positive",
     QT_TRANSLATE_NOOP("Engine", "%1: the given sampling rate %2 Hz is not positive.")},
    {"reader.csv.no_rate",
     QT_TRANSLATE_NOOP(
         "Engine",
         "%1: no sampling rate: the file has no time column and none was given. Add a time column "
         "(e.g. \"time_s\" or \"time_ms\") or give the sampling rate when opening (fsHz option).")},
    {"reader.csv.unknown_unit",
     QT_TRANSLATE_NOOP("Engine", "%1: unknown unit %2 (use mV, uV or V).")},
    {"reader.open.incomplete",
     QT_TRANSLATE_NOOP("Engine", "%1: the file could not be read completely.")},
    {"reader.open.too_large",
     QT_TRANSLATE_NOOP(
         "Engine", "%1: %2 MB is far larger than any ECG of this format; refusing to load it.")},
    {"reader.dicom.too_deep",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: sequences are nested deeper than any ECG needs — file damaged?")},
    {"reader.dicom.element_cut",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: the data set ends in the middle of an element — file truncated?")},
    {"reader.dicom.element_length",
     QT_TRANSLATE_NOOP(
         "Engine",
         "%1: element %2 claims %3 bytes but only %4 remain — file truncated or damaged?")},
    {"reader.dicom.too_many_elements",
     QT_TRANSLATE_NOOP("Engine", "%1: more elements than any ECG holds — file damaged?")},
    {"reader.dicom.item_no_end",
     QT_TRANSLATE_NOOP("Engine", "%1: a sequence item has no end marker — file truncated?")},
    {"reader.dicom.item_cut",
     QT_TRANSLATE_NOOP("Engine", "%1: a sequence ends in the middle of an item — file truncated?")},
    {"reader.dicom.not_item",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: sequence %2 holds something that is not an item — file damaged?")},
    {"reader.dicom.item_length",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: an item of %2 claims %3 bytes but only %4 remain — file truncated?")},
    {"reader.dicom.sequence_no_end",
     QT_TRANSLATE_NOOP("Engine", "%1: sequence %2 has no end marker — file truncated?")},
    {"reader.dicom.meta_damaged",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: the DICOM file meta information is damaged — file truncated?")},
    {"reader.dicom.transfer_syntax",
     QT_TRANSLATE_NOOP(
         "Engine",
         "%1: uses DICOM transfer syntax %2; only uncompressed little endian (1.2.840.10008.1.2 "
         "and 1.2.840.10008.1.2.1) is supported. Convert it, e.g. with DCMTK's dcmconv +ti.")},
    {"reader.dicom.transfer_syntax_missing",
     QT_TRANSLATE_NOOP(
         "Engine",
         "%1: names no DICOM transfer syntax; only uncompressed little endian (1.2.840.10008.1.2 "
         "and 1.2.840.10008.1.2.1) is supported. Convert it, e.g. with DCMTK's dcmconv +ti.")},
    {"reader.dicom.no_waveform",
     QT_TRANSLATE_NOOP("Engine", "%1: a DICOM file, but it holds no waveform (no Waveform Sequence "
                                 "5400,0100) — is it an image rather than an ECG?")},
    {"reader.dicom.waveform_size",
     QT_TRANSLATE_NOOP("Engine", "%1: the waveform declares %2 channels and %3 samples.")},
    {"reader.dicom.no_frequency",
     QT_TRANSLATE_NOOP("Engine", "%1: the waveform has no valid sampling frequency (003A,001A).")},
    {"reader.dicom.no_data",
     QT_TRANSLATE_NOOP("Engine", "%1: the waveform has no Waveform Data (5400,1010).")},
    {"reader.dicom.interpretation",
     QT_TRANSLATE_NOOP(
         "Engine", "%1: waveform sample interpretation %2 (e.g. mu-law/A-law) is not supported.")},
    {"reader.dicom.bits",
     QT_TRANSLATE_NOOP("Engine", "%1: %2 bits per waveform sample is not supported.")},
    {"reader.dicom.no_frame",
     QT_TRANSLATE_NOOP(
         "Engine",
         "%1: the waveform data (%2 bytes) do not hold one frame of %3 channels — file damaged?")},
    {"reader.open.too_many_samples",
     QT_TRANSLATE_NOOP("Engine", "%1: holds more samples than the limit.")},
    {"reader.dicom.zero_sensitivity",
     QT_TRANSLATE_NOOP("Engine", "%1: %2 has a zero channel sensitivity.")},
    {"reader.scp.reference_beats_short",
     QT_TRANSLATE_NOOP("Engine", "section 5 (reference beats) is too short for its header; the "
                                 "rhythm shown is the residual, not the full ECG.")},
    {"reader.scp.reference_beats_lead_overrun",
     QT_TRANSLATE_NOOP(
         "Engine",
         "section 5 (reference beats): lead %1 data (%2 bytes) run past the end of the section — "
         "file truncated? The rhythm shown is the residual, not the full ECG.")},
    {"reader.scp.reference_beats_encoding",
     QT_TRANSLATE_NOOP("Engine", "section 5 (reference beats): unknown difference encoding %1; the "
                                 "rhythm shown is the residual, not the full ECG.")},
    {"reader.scp.too_short",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: too short to be an SCP-ECG file (%2 bytes) — file truncated?")},
    {"reader.scp.no_table_of_contents",
     QT_TRANSLATE_NOOP("Engine", "%1: not a readable SCP-ECG file (section 0, the table of "
                                 "contents, is missing or damaged).")},
    {"reader.scp.huffman_empty",
     QT_TRANSLATE_NOOP("Engine", "%1: section 2 (Huffman tables) is empty.")},
    {"reader.scp.huffman_short",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: section 2 declares %2 Huffman tables but is too short to hold them.")},
    {"reader.scp.huffman_code_length",
     QT_TRANSLATE_NOOP("Engine", "%1: section 2 table %2 has an invalid code length.")},
    {"reader.scp.no_lead_definitions",
     QT_TRANSLATE_NOOP(
         "Engine",
         "%1: section 3 (lead definitions) is missing or damaged, so the leads cannot be read.")},
    {"reader.scp.lead_definitions_short",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: section 3 declares %2 leads but does not hold their definitions.")},
    {"reader.scp.lead_range",
     QT_TRANSLATE_NOOP("Engine", "%1: lead %2 has an invalid sample range in section 3.")},
    {"reader.scp.no_rhythm",
     QT_TRANSLATE_NOOP("Engine", "%1: section 6 (rhythm data) is missing or damaged; this file "
                                 "holds no rhythm ECG to show.")},
    {"reader.scp.rhythm_short",
     QT_TRANSLATE_NOOP("Engine", "%1: section 6 (rhythm data) is too short for its header.")},
    {"reader.scp.rhythm_lead_overrun",
     QT_TRANSLATE_NOOP("Engine", "%1: section 6 (rhythm data): lead %2 data (%3 bytes) run past "
                                 "the end of the section — file truncated?")},
    {"reader.scp.rhythm_encoding",
     QT_TRANSLATE_NOOP("Engine", "%1: section 6 (rhythm data): unknown difference encoding %2.")},
    {"reader.scp.bimodal",
     QT_TRANSLATE_NOOP(
         "Engine",
         "%1: uses bimodal compression (section 6), which this reader does not decode yet.")},
    {"reader.scp.rhythm_zero",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: section 6 gives a zero sampling interval or amplitude multiplier.")},
    {"reader.scp.lead_data_short",
     QT_TRANSLATE_NOOP("Engine", "%1: lead %2: section 3 declares %3 samples but section 6 holds "
                                 "only %4 bytes for it — damaged file?")},
    {"reader.scp.too_many_samples",
     QT_TRANSLATE_NOOP("Engine", "%1: declares %2 samples, more than the limit.")},
    {"reader.hl7.no_scale",
     QT_TRANSLATE_NOOP("Engine", "%1: %2 has no usable scale; its amplitudes cannot be known.")},
    {"reader.hl7.unknown_unit",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: %2 uses the unit %3, which is not a voltage this reader knows.")},
    {"reader.hl7.no_increment",
     QT_TRANSLATE_NOOP("Engine", "%1: the rhythm series has no time sequence with an increment, so "
                                 "the sampling rate is unknown.")},
    {"reader.hl7.not_well_formed",
     QT_TRANSLATE_NOOP("Engine", "%1: not well-formed XML (%2 at byte %3) — file damaged?")},
    {"reader.hl7.not_aecg",
     QT_TRANSLATE_NOOP("Engine",
                       "%1: XML, but not an HL7 annotated ECG (no AnnotatedECG element).")},
    {"reader.hl7.no_series",
     QT_TRANSLATE_NOOP("Engine", "%1: the annotated ECG holds no waveform series.")},
    {"reader.hl7.no_leads",
     QT_TRANSLATE_NOOP("Engine", "%1: the rhythm series holds no lead samples.")},
    {"reader.wfdb.annotations_header",
     QT_TRANSLATE_NOOP("Engine", "%1: cannot read the record's header for its sampling rate (%2)")},
    {"reader.wfdb.annotations_unopenable",
     QT_TRANSLATE_NOOP("Engine", "%1: cannot open the annotation file.")},
    {"reader.wfdb.annotations_too_large",
     QT_TRANSLATE_NOOP("Engine", "%1: annotation file too large.")},
    {"reader.wfdb.annotations_skip_cut",
     QT_TRANSLATE_NOOP("Engine", "%1: file ends inside a SKIP record — truncated?")},
    {"reader.wfdb.annotations_aux_cut",
     QT_TRANSLATE_NOOP("Engine", "%1: file ends inside an aux string — truncated?")},
    {"reader.scp.huffman_undefined_code",
     QT_TRANSLATE_NOOP("Engine",
                       "the compressed data hold a code that the Huffman table does not define")},
    {"reader.scp.huffman_no_such_table",
     QT_TRANSLATE_NOOP("Engine",
                       "the compressed data switch to a Huffman table that does not exist")},
    {"reader.folder.missing", QT_TRANSLATE_NOOP("Engine", "%1: no such folder.")},
    {"reader.folder.is_file", QT_TRANSLATE_NOOP("Engine", "%1: is a file, not a folder.")},
    {"reader.folder.unreadable", QT_TRANSLATE_NOOP("Engine", "%1: cannot be read (%2).")},
    {"reader.folder.subfolder_unreadable",
     QT_TRANSLATE_NOOP("Engine", "%1: cannot be read (%2); its recordings are not listed.")},
    {"reader.folder.stopped_early",
     QT_TRANSLATE_NOOP("Engine", "%1: the listing of this folder stopped early (%2).")},
    {"reader.open.no_file_name", QT_TRANSLATE_NOOP("Engine", "No file name given.")},
    {"reader.open.folder", QT_TRANSLATE_NOOP("Engine", "%1: is a folder, not a recording.")},
    {"reader.open.no_such_file", QT_TRANSLATE_NOOP("Engine", "%1: no such file.")},
    {"reader.open.empty", QT_TRANSLATE_NOOP("Engine", "%1: the file is empty.")},
    {"reader.open.unrecognised",
     QT_TRANSLATE_NOOP("Engine", "%1: unrecognised file format (supported: WFDB .hea/.dat, "
                                 "EDF/EDF+/BDF, CSV/text, SCP-ECG, HL7 aECG XML, DICOM ECG "
                                 "waveform).")},
    {"reader.open.out_of_memory",
     QT_TRANSLATE_NOOP("Engine", "%1: not enough memory to load this recording.")},
    {"reader.open.unexpected", QT_TRANSLATE_NOOP("Engine", "%1: unexpected error while reading.")},
    {"reader.open.sampling_rate",
     QT_TRANSLATE_NOOP("Engine", "%1: lead %2 is sampled at %3 Hz, outside what ECG Lens reads "
                                 "(%4-%5 Hz); the header is probably damaged.")},
    {"reader.amplitude_implausible",
     QT_TRANSLATE_NOOP("Engine", "%1 reaches %2 mV, far beyond any ECG: its calibration (gain or "
                                 "unit) is probably wrong; shown as stored.")},
    {"reader.limb_leads_inconsistent",
     QT_TRANSLATE_NOOP(
         "Engine", "leads I, II and III do not obey Einthoven's law (II = I + III): II differs "
                   "from I + III by %1 mV or more in 5 % of the samples, %2 % of the largest "
                   "lead's swing. A lead may be mislabelled or have a wrong gain, or the leads "
                   "were rescaled one by one: their amplitudes and the axis are not reliable.")},
    {"reader.text_encoding_undecoded",
     QT_TRANSLATE_NOOP("Engine", "the file declares the character set %1 for its text, which ECG "
                                 "Lens does not decode; names and text are read as UTF-8 or ISO "
                                 "8859-1, so other letters may be wrong.")},
    {"reader.age_implausible",
     QT_TRANSLATE_NOOP("Engine", "the file gives the patient's age as %1 years, which cannot be "
                                 "right (0-150 years); age unknown.")},
};

/// "12.5" written as the interface language writes numbers ("12,5"); anything else unchanged,
/// including digits with a leading zero ("007", a name from a file rather than a quantity).
QString localValue(const std::string& value)
{
    static const QRegularExpression number(QStringLiteral("^-?(0|[1-9][0-9]*)(\\.([0-9]+))?$"));
    const QString v = QString::fromStdString(value);
    const QRegularExpressionMatch m = number.match(v);
    if (!m.hasMatch())
        return v;
    return localNumber(v.toDouble(), 'f', int(m.capturedLength(3)));
}

/// Words and numbers separated by spaces ("V2 0.26 mV, V3 0.21 mV"), each number as localValue
/// writes it.
QString localWords(const std::string& value)
{
    QStringList words = QString::fromStdString(value).split(QLatin1Char(' '));
    for (QString& w : words)
        w = localValue(w.toStdString());
    return words.join(QLatin1Char(' '));
}

/// The table's entry for `id`, or nullptr.
const Entry* entryFor(const std::string& id)
{
    const auto it = std::find_if(std::begin(kEntries), std::end(kEntries),
                                 [&](const Entry& e) { return id == e.id; });
    return it == std::end(kEntries) ? nullptr : &*it;
}

} // namespace

QString localNumber(double v, char format, int precision)
{
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    return locale.toString(v, format, precision);
}

QString changeText(double from, double to, int decimals, bool axis)
{
    if (!std::isfinite(from) || !std::isfinite(to))
        return {};
    const double scale = std::pow(10.0, decimals);
    double change = std::round(to * scale) / scale - std::round(from * scale) / scale;
    if (axis)
        change = std::remainder(change, 360.0);
    if (change == 0.0)
        change = 0.0; // no "-0"
    return (change > 0 ? QStringLiteral("+") : QString()) + localNumber(change, 'f', decimals);
}

QString engineText(const Message& m)
{
    const Entry* e = entryFor(m.id);
    if (!e)
        return QString::fromStdString(m.text);
    std::vector<std::string> values;
    for (std::size_t i = 0; i < m.args.size(); ++i)
        values.push_back(
            (isWordsArg(m, i) ? localWords(m.args[i]) : localValue(m.args[i])).toStdString());
    // A message quoting another (io::messages::quoting: a segment's own warning, an annotation
    // file's error): the values after its placeholders are the inner message's id and values,
    // worded here in turn.
    if (const std::size_t n = io::messages::quotingPlaceholders(m.id);
        n > 0 && m.args.size() > n && entryFor(m.args[n])) {
        const Message inner{m.args[n],
                            {m.args.begin() + std::ptrdiff_t(n) + 1, m.args.end()},
                            m.args[n - 1],
                            m.ageArgs >> (n + 1),
                            m.wordArgs >> (n + 1)};
        values.resize(n - 1);
        values.push_back(engineText(inner).toStdString());
    }
    const QString pattern = QCoreApplication::translate("Engine", e->english);
    return QString::fromStdString(fillPlaceholders(pattern.toStdString(), values));
}

namespace {

/// An ST level in mV, signed ("+0.06", "−0.15", "0.00"; "—" when unknown).
QString signedMv(double mv)
{
    const double v = std::round(mv * 100.0) / 100.0;
    return !std::isfinite(v) ? QStringLiteral("\u2014")
           : v > 0           ? QLatin1Char('+') + localNumber(v, 'f', 2)
           : v < 0           ? QStringLiteral("\u2212") + localNumber(-v, 'f', 2)
                             : localNumber(0.0, 'f', 2);
}

const QString kLeadSeparator = QStringLiteral(" \u00b7 ");

} // namespace

namespace {

/// PTB-XL's SCP-ECG statement descriptions (scp_statements.csv, "description"), marked for
/// translation under the context "ScpStatement".
const char* const kScpStatements[] = {
    QT_TRANSLATE_NOOP("ScpStatement", "non-diagnostic T abnormalities"),
    QT_TRANSLATE_NOOP("ScpStatement", "non-specific ST changes"),
    QT_TRANSLATE_NOOP("ScpStatement", "digitalis-effect"),
    QT_TRANSLATE_NOOP("ScpStatement", "long QT-interval"),
    QT_TRANSLATE_NOOP("ScpStatement", "normal ECG"),
    QT_TRANSLATE_NOOP("ScpStatement", "inferior myocardial infarction"),
    QT_TRANSLATE_NOOP("ScpStatement", "anteroseptal myocardial infarction"),
    QT_TRANSLATE_NOOP("ScpStatement", "left ventricular hypertrophy"),
    QT_TRANSLATE_NOOP("ScpStatement", "left anterior fascicular block"),
    QT_TRANSLATE_NOOP("ScpStatement", "non-specific ischemic"),
    QT_TRANSLATE_NOOP("ScpStatement", "incomplete right bundle branch block"),
    QT_TRANSLATE_NOOP("ScpStatement", "first degree AV block"),
    QT_TRANSLATE_NOOP("ScpStatement",
                      "non-specific intraventricular conduction disturbance (block)"),
    QT_TRANSLATE_NOOP("ScpStatement", "ischemic in anterolateral leads"),
    QT_TRANSLATE_NOOP("ScpStatement", "complete right bundle branch block"),
    QT_TRANSLATE_NOOP("ScpStatement", "complete left bundle branch block"),
    QT_TRANSLATE_NOOP("ScpStatement", "inferolateral myocardial infarction"),
    QT_TRANSLATE_NOOP("ScpStatement", "left atrial overload/enlargement"),
    QT_TRANSLATE_NOOP("ScpStatement", "anterior myocardial infarction"),
    QT_TRANSLATE_NOOP("ScpStatement", "anterolateral myocardial infarction"),
    QT_TRANSLATE_NOOP("ScpStatement", "ischemic in inferior leads"),
    QT_TRANSLATE_NOOP("ScpStatement", "subendocardial injury in anteroseptal leads"),
    QT_TRANSLATE_NOOP("ScpStatement", "lateral myocardial infarction"),
    QT_TRANSLATE_NOOP("ScpStatement", "ischemic in inferolateral leads"),
    QT_TRANSLATE_NOOP("ScpStatement", "left posterior fascicular block"),
    QT_TRANSLATE_NOOP("ScpStatement", "ischemic in anteroseptal leads"),
    QT_TRANSLATE_NOOP("ScpStatement", "subendocardial injury in anterolateral leads"),
    QT_TRANSLATE_NOOP("ScpStatement", "ischemic in lateral leads"),
    QT_TRANSLATE_NOOP("ScpStatement", "right ventricular hypertrophy"),
    QT_TRANSLATE_NOOP("ScpStatement", "ST-T changes compatible with ventricular aneurysm"),
    QT_TRANSLATE_NOOP("ScpStatement", "right atrial overload/enlargement"),
    QT_TRANSLATE_NOOP("ScpStatement", "electrolytic disturbance or drug (former EDIS)"),
    QT_TRANSLATE_NOOP("ScpStatement", "Wolf-Parkinson-White syndrome"),
    QT_TRANSLATE_NOOP("ScpStatement", "incomplete left bundle branch block"),
    QT_TRANSLATE_NOOP("ScpStatement", "inferoposterolateral myocardial infarction"),
    QT_TRANSLATE_NOOP("ScpStatement", "ischemic in anterior leads"),
    QT_TRANSLATE_NOOP("ScpStatement", "inferoposterior myocardial infarction"),
    QT_TRANSLATE_NOOP("ScpStatement", "septal hypertrophy"),
    QT_TRANSLATE_NOOP("ScpStatement", "subendocardial injury in inferior leads"),
    QT_TRANSLATE_NOOP("ScpStatement", "subendocardial injury in lateral leads"),
    QT_TRANSLATE_NOOP("ScpStatement", "posterior myocardial infarction"),
    QT_TRANSLATE_NOOP("ScpStatement", "third degree AV block"),
    QT_TRANSLATE_NOOP("ScpStatement", "subendocardial injury in inferolateral leads"),
    QT_TRANSLATE_NOOP("ScpStatement", "second degree AV block"),
    QT_TRANSLATE_NOOP("ScpStatement", "abnormal QRS"),
    QT_TRANSLATE_NOOP("ScpStatement", "ventricular premature complex"),
    QT_TRANSLATE_NOOP("ScpStatement", "non-specific ST depression"),
    QT_TRANSLATE_NOOP("ScpStatement", "voltage criteria (QRS) for left ventricular hypertrophy"),
    QT_TRANSLATE_NOOP("ScpStatement", "Q waves present"),
    QT_TRANSLATE_NOOP("ScpStatement", "low amplitude T-waves"),
    QT_TRANSLATE_NOOP("ScpStatement", "non-specific T-wave changes"),
    QT_TRANSLATE_NOOP("ScpStatement", "atrial premature complex"),
    QT_TRANSLATE_NOOP("ScpStatement", "prolonged PR interval"),
    QT_TRANSLATE_NOOP("ScpStatement", "inverted T-waves"),
    QT_TRANSLATE_NOOP("ScpStatement", "low QRS voltages in the frontal and horizontal leads"),
    QT_TRANSLATE_NOOP("ScpStatement", "high QRS voltage"),
    QT_TRANSLATE_NOOP("ScpStatement", "T-wave abnormality"),
    QT_TRANSLATE_NOOP("ScpStatement", "non-specific ST elevation"),
    QT_TRANSLATE_NOOP("ScpStatement", "premature complex(es)"),
    QT_TRANSLATE_NOOP("ScpStatement", "sinus rhythm"),
    QT_TRANSLATE_NOOP("ScpStatement", "atrial fibrillation"),
    QT_TRANSLATE_NOOP("ScpStatement", "sinus tachycardia"),
    QT_TRANSLATE_NOOP("ScpStatement", "sinus arrhythmia"),
    QT_TRANSLATE_NOOP("ScpStatement", "sinus bradycardia"),
    QT_TRANSLATE_NOOP("ScpStatement", "normal functioning artificial pacemaker"),
    QT_TRANSLATE_NOOP("ScpStatement", "supraventricular arrhythmia"),
    QT_TRANSLATE_NOOP("ScpStatement", "bigeminal pattern (unknown origin, SV or Ventricular)"),
    QT_TRANSLATE_NOOP("ScpStatement", "atrial flutter"),
    QT_TRANSLATE_NOOP("ScpStatement", "supraventricular tachycardia"),
    QT_TRANSLATE_NOOP("ScpStatement", "paroxysmal supraventricular tachycardia"),
    QT_TRANSLATE_NOOP("ScpStatement", "trigeminal pattern (unknown origin, SV or Ventricular)"),
};

} // namespace

QString statementText(const Statement& s)
{
    const QByteArray text = QByteArray::fromStdString(s.text);
    for (const char* d : kScpStatements)
        if (text == d)
            return QCoreApplication::translate("ScpStatement", d);
    return QString::fromStdString(s.text);
}

QString leadSetText(const std::string& set)
{
    if (set == "12")
        return QCoreApplication::translate("Engine", "12 leads");
    if (set == "limb6")
        return QCoreApplication::translate("Engine", "6 limb leads");
    if (set == "2")
        return QCoreApplication::translate("Engine", "leads II + V1");
    if (set == "1")
        return QCoreApplication::translate("Engine", "lead II");
    return QString::fromStdString(set);
}

QString analysedLeadName(int standardLead, bool computed)
{
    const QString name = standardLead >= 0 && standardLead < int(kStandardLeads.size())
                             ? QString::fromLatin1(kStandardLeads[std::size_t(standardLead)])
                             : QStringLiteral("?");
    return computed ? computedLeadName(name) : name;
}

QString analysedLeadName(int standardLead, const std::array<bool, 12>& computed)
{
    return analysedLeadName(standardLead, standardLead >= 0 &&
                                              standardLead < int(computed.size()) &&
                                              computed[std::size_t(standardLead)]);
}

QStringList otherSignalNames(const Recording& recording)
{
    QStringList names;
    for (std::size_t l : dsp::otherSignalLeads(recording))
        names << QString::fromStdString(recording.leads[l].name);
    return names;
}

QStringList statementDescriptions()
{
    QStringList out;
    for (const char* d : kScpStatements)
        out << QString::fromUtf8(d);
    return out;
}

namespace {

/// "III (computed)" for a level of a computed lead, else the lead's name.
QString stLeadLabel(const dsp::StLevel& level)
{
    const QString name = QString::fromStdString(level.lead);
    return level.computed ? computedLeadName(name) : name;
}

} // namespace

std::vector<dsp::StLevel> stLevelsInPaperOrder(const std::vector<dsp::StLevel>& levels)
{
    QStringList names;
    for (const dsp::StLevel& l : levels)
        names << QString::fromStdString(l.lead);
    std::vector<dsp::StLevel> out;
    for (const int i : displayOrder(names))
        out.push_back(levels[std::size_t(i)]);
    return out;
}

QString stLevelsText(const std::vector<dsp::StLevel>& levels)
{
    QStringList parts;
    for (const dsp::StLevel& l : stLevelsInPaperOrder(levels))
        parts << stLeadLabel(l) + QLatin1Char(' ') + signedMv(l.j60Mv);
    return parts.join(kLeadSeparator);
}

QString stLevelsComparedText(const std::vector<dsp::StLevel>& then,
                             const std::vector<dsp::StLevel>& now)
{
    QStringList parts;
    const auto levelOf = [](const std::vector<dsp::StLevel>& levels, const std::string& lead) {
        for (const dsp::StLevel& l : levels)
            if (l.lead == lead)
                return l.j60Mv;
        return std::nan("");
    };
    for (const dsp::StLevel& l : stLevelsInPaperOrder(now))
        parts << stLeadLabel(l) + QLatin1Char(' ') + signedMv(levelOf(then, l.lead)) +
                     QStringLiteral(" \u2192 ") + signedMv(l.j60Mv);
    for (const dsp::StLevel& l : then)
        if (std::none_of(now.begin(), now.end(), [&](const auto& n) { return n.lead == l.lead; }))
            parts << stLeadLabel(l) + QLatin1Char(' ') + signedMv(l.j60Mv) +
                         QStringLiteral(" \u2192 \u2014");
    return parts.join(kLeadSeparator);
}

QString engineText(const std::vector<Message>& messages, const QString& separator)
{
    QStringList parts;
    for (const Message& m : messages)
        parts << engineText(m);
    return parts.join(separator);
}

QList<QPair<QString, QString>> engineTextTable()
{
    QList<QPair<QString, QString>> out;
    for (const Entry& e : kEntries)
        out.append({QString::fromLatin1(e.id), QString::fromUtf8(e.english)});
    return out;
}

} // namespace ecglens
