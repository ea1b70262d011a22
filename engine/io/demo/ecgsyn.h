#pragma once

// The synthetic ECG behind "demo:": the dynamical model of McSharry, Clifford, Tarassenko and
// Smith (IEEE TBME 50(3), 2003; "ECGSYN") in its three-dimensional form (Sameni, Shamsollahi,
// Jutten and Clifford, IEEE TBME 54(12), 2007), projected to body-surface leads through a fixed
// electrode lead field. Internal to the demo reader; not a public engine API.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ecglens::io::demo {

struct EcgsynParams
{
    double hrBpm = 72.0;          ///< mean heart rate, beats per minute
    double hrStdBpm = 1.0;        ///< standard deviation of the heart rate, beats per minute
    double fsHz = 500.0;          ///< output sampling rate, Hz
    double seconds = 10.0;        ///< recording length, s
    double ectopicFraction = 0.0; ///< fraction of beats that are premature ventricular, 0..0.5
    double noiseMv = 0.01;        ///< white electrode noise, standard deviation in mV
    double lfHz = 0.1;            ///< Mayer wave (LF) centre frequency of the RR spectrum, Hz
    double hfHz = 0.25;           ///< respiratory sinus arrhythmia (HF) centre frequency, Hz
    double lfWidthHz = 0.01;      ///< standard deviation of the LF peak, Hz
    double hfWidthHz = 0.01;      ///< standard deviation of the HF peak, Hz
    double lfHfRatio = 0.5;       ///< LF/HF power ratio
    std::uint64_t seed = 1;
    int leadCount = 12; ///< 12, 3 (I, II, V5), 2 (II, V5) or 1 (II)
};

struct Beat
{
    double timeS = 0.0; ///< time of the R peak (phase 0), s
    bool ventricular = false;
    double intervalS = 1.0; ///< sinus RR interval that sets this beat's phase speed, s
};

/// Beat times from the RR process (bimodal LF/HF spectrum) with premature ventricular beats
/// and their full compensatory pauses; covers [0, seconds] plus one beat either side.
std::vector<Beat> ecgsynBeats(const EcgsynParams& params);

/// Names of the leads produced for params.leadCount, in output order.
std::vector<std::string> ecgsynLeadNames(int leadCount);

/// Fills `leads` (one vector per name from ecgsynLeadNames, each seconds * fsHz samples, mV).
/// `progress` may be empty; returns false when it asked to stop.
bool ecgsynRender(const EcgsynParams& params, const std::vector<Beat>& beats,
                  std::vector<std::vector<float>>& leads,
                  const std::function<bool(double)>& progress);

} // namespace ecglens::io::demo
