#pragma once

// Which channels of a recording may be ECG leads. Polysomnography, intensive-care and
// ambulatory files keep other signals beside the ECG (EEG, EOG, EMG, blood pressure,
// plethysmogram, respiration, oxygen saturation, temperature, event channels); beat detection
// and the measurements leave those out, since an arterial pulse or an EEG burst is not a QRS.
// Unknown labels ("ECG1", "CM5", "vx", "FECG") stay in: only a label or unit that names
// another kind of signal excludes a channel.

#include "core/recording.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ecglens::dsp {

/// False when the lead's label names another kind of signal by its first word (the EDF+
/// standard signal types EEG, EOG, ERG, EMG, MEG, MCG, EP, Temp, Resp, SaO2, Light, Sound,
/// Event; the PhysioNet signal classes such as ABP, PAP, CVP, Pleth, SpO2, CO2, HR; the
/// polysomnography channels Flow, Thor, Abdo, Snore, Position, Leg, Chin, LOC, ROC, SHHS's
/// "H.R." and "NEW AIR"; also with a number, "Chin1"), a 10-20 EEG electrode (Fp1, F4, Pz, O2,
/// A1, M2, E1; C1..C6 only as an EEG derivation such as "C4-M1", since some carts give the
/// chest leads those names), or its unit is not electrical (mmHg, %, degC, bpm, L/min, Ohm,
/// ...). A standard or modified ECG lead name (I..V6, MLII, MV1, MCL1) is always an ECG lead.
bool mayBeEcg(const Lead& lead);

/// Indices of the recording's leads that are not ECG leads (mayBeEcg false), in lead order.
std::vector<std::size_t> otherSignalLeads(const Recording& recording);

/// The ECG leads as a recording of their own rate when none of them runs at the record's rate
/// (a WFDB record storing the ECG at several samples per frame beside a blood pressure or
/// respiration at the frame rate, as intensive-care records do): those at the rate most of
/// them share (the higher on a tie) and as long as the longest of them, with that rate as the
/// record rate and the patient; nothing else. nullopt when an ECG lead runs at the record rate
/// (analyse the recording itself) or there is no ECG lead.
std::optional<Recording> ecgAtItsOwnRate(const Recording& recording);

} // namespace ecglens::dsp
