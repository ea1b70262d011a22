// Generates the shipped normal-template baseline, models/baselines/normal_beat_ptbxl.json and its
// manifest.json: the average R-aligned beat per standard lead at 100 Hz of the PTB-XL records of
// folds 1-8 labelled normal (scp_codes NORM >= 50), read with the detector's own input
// preparation (ml::loadPtbxlWindow) so the template has the units of the model's windows.
//
//   make_normal_beat [DATA_DIR [OUT_DIR]]
// DATA_DIR: the shared data folder (default: ECGLENS_DATA, else the configured data folder);
// OUT_DIR: default the source tree's models/baselines. Deterministic: the same data give the
// same file, byte for byte (tst_xai_normal_beat checks the shipped file against a rerun).

#include "normal_beat_source.h"

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv)
{
    using namespace ecglens;
    const char* env = std::getenv("ECGLENS_DATA");
    const std::string dataDir = argc > 1 ? argv[1] : env && *env ? env : ECGLENS_DEFAULT_DATA_DIR;
    const std::string outDir = argc > 2 ? argv[2] : ECGLENS_SOURCE_BASELINE_DIR;
    auto beat = xai::test::computePtbxlNormalBeat(dataDir);
    if (!beat) {
        std::fprintf(stderr, "make_normal_beat: %s\n", beat.error().c_str());
        return 1;
    }
    auto saved = xai::saveNormalBeat(outDir, *beat, xai::test::ptbxlNormalBeatSource(*beat));
    if (!saved) {
        std::fprintf(stderr, "make_normal_beat: %s\n", saved.error().c_str());
        return 1;
    }
    std::printf("%s/%s: %d records, %lld beats, %d samples at %g Hz, R at sample %d\n",
                outDir.c_str(), xai::kNormalBeatFile, beat->records, beat->beats,
                int(beat->beat.cols()), beat->fsHz, beat->rIndex);
    return 0;
}
