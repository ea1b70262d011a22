#pragma once

// The readers' warnings (Recording::warnings), each a MessageTemplate: problems found while
// reading that did not stop it. Interfaces translate them by id (app/report/engine_text.cpp);
// the English is what the command line, JSON and logs show. Values that come from the file
// as text (header fields, cell contents) travel with their quotes, so that an interface does
// not take them for numbers to re-write.
//
// The reader errors (files that cannot be opened, Result::failure(Message)) are here too: the
// ones every format shares (io/open.cpp: no such file, a folder, an empty file, an unknown
// format, ...) and each reader's own (a damaged WFDB signal line, a truncated EDF header, a
// DICOM transfer syntax, a missing SCP-ECG section, ...); %1 is the file. Still English: a
// value the operating system, libFLAC or the XML parser words (given as a value), a cancelled
// read (never shown). A message that quotes another (quoting()) keeps the inner one's id and
// values.

#include "core/message.h"

#include <string>
#include <vector>

namespace ecglens::io::messages {

// Files that cannot be opened, whatever their format (io/open.cpp); %1 is the path.
inline constexpr MessageTemplate kOpenNoFileName{"reader.open.no_file_name", "No file name given."};
inline constexpr MessageTemplate kOpenFolder{"reader.open.folder",
                                             "%1: is a folder, not a recording."};
inline constexpr MessageTemplate kOpenNoSuchFile{"reader.open.no_such_file", "%1: no such file."};
inline constexpr MessageTemplate kOpenEmpty{"reader.open.empty", "%1: the file is empty."};
inline constexpr MessageTemplate kOpenUnrecognised{
    "reader.open.unrecognised",
    "%1: unrecognised file format (supported: WFDB .hea/.dat, EDF/EDF+/BDF, CSV/text, SCP-ECG, "
    "HL7 aECG XML, DICOM ECG waveform)."};
inline constexpr MessageTemplate kOpenOutOfMemory{"reader.open.out_of_memory",
                                                  "%1: not enough memory to load this recording."};
inline constexpr MessageTemplate kOpenUnopenable{"reader.open.unopenable",
                                                 "%1: cannot open the file."};
/// %2: the operating system's reason (English).
inline constexpr MessageTemplate kOpenUnreadable{"reader.open.unreadable",
                                                 "%1: cannot read the file (%2)."};
inline constexpr MessageTemplate kOpenIncomplete{"reader.open.incomplete",
                                                 "%1: the file could not be read completely."};
/// SCP-ECG, HL7 aECG and DICOM files are read whole; %2 is the size in MB.
inline constexpr MessageTemplate kOpenTooLarge{
    "reader.open.too_large",
    "%1: %2 MB is far larger than any ECG of this format; refusing to load it."};
inline constexpr MessageTemplate kOpenTooManySamples{"reader.open.too_many_samples",
                                                     "%1: holds more samples than the limit."};
inline constexpr MessageTemplate kOpenUnexpected{"reader.open.unexpected",
                                                 "%1: unexpected error while reading."};
inline constexpr MessageTemplate kOpenSamplingRate{
    "reader.open.sampling_rate",
    "%1: lead %2 is sampled at %3 Hz, outside what ECG Lens reads (%4-%5 Hz); the header is "
    "probably damaged."};

// EDF / BDF (edf/edf_header.cpp, edf/edf_reader.cpp)
inline constexpr MessageTemplate kEdfStartUnreadable{
    "reader.edf.start_unreadable",
    "The start date/time fields (%1, %2) are not dd.mm.yy / hh.mm.ss; start time unknown."};
inline constexpr MessageTemplate kEdfStartdateMismatch{
    "reader.edf.startdate_mismatch", "The EDF+ recording field says Startdate %1 but the start "
                                     "date field says %2; using the start date field."};
inline constexpr MessageTemplate kEdfHeaderSize{
    "reader.edf.header_size",
    "The header-size field says %1 bytes but %2 signals make %3; using %3."};
inline constexpr MessageTemplate kEdfRecordCountUnknown{
    "reader.edf.record_count_unknown",
    "The number of data records is -1 (unknown); %1 complete records found in the file."};
inline constexpr MessageTemplate kEdfTruncated{
    "reader.edf.truncated", "The header declares %1 data records but the file holds %2 complete "
                            "ones - file truncated? Reading what is there."};
inline constexpr MessageTemplate kEdfTrailingBytes{
    "reader.edf.trailing_bytes", "%1 bytes after the last declared data record were ignored."};
inline constexpr MessageTemplate kEdfNoCompleteRecord{"reader.edf.no_complete_record",
                                                      "The file holds no complete data record."};
inline constexpr MessageTemplate kEdfDiscontinuousWithoutAnnotations{
    "reader.edf.discontinuous_without_annotations",
    "EDF+D file without an annotation signal: record times unknown, records placed "
    "contiguously."};
inline constexpr MessageTemplate kEdfGaps{
    "reader.edf.gaps",
    "Discontinuous recording: %1 gap(s) totalling %2 s, shown as missing (NaN) samples."};
inline constexpr MessageTemplate kEdfOverlaps{
    "reader.edf.overlaps",
    "%1 data record(s) start before the previous one ends; placed right after it."};
inline constexpr MessageTemplate kEdfUnlabelledSignal{
    "reader.edf.unlabelled_signal", "signal %1 has no label; it is shown as '%2'."};
inline constexpr MessageTemplate kEdfAnnotationsOnly{
    "reader.edf.annotations_only", "The file holds annotations only, no signals."};
inline constexpr MessageTemplate kEdfMalformedAnnotations{
    "reader.edf.malformed_annotations", "%1 malformed EDF+ annotation(s) (TAL) skipped."};

// EDF / BDF errors (the file cannot be opened); %1 is the path.
inline constexpr MessageTemplate kEdfHeaderShort{
    "reader.edf.header_short",
    "%1: the header is shorter than 256 bytes - not an EDF file, or truncated."};
/// %2: the version field, quoted.
inline constexpr MessageTemplate kEdfVersionField{
    "reader.edf.version_field", "%1: the version field is %2, expected \"0\" (EDF) or "
                                "0xFF\"BIOSEMI\" (BDF) - not an EDF/BDF file."};
inline constexpr MessageTemplate kEdfRecordCountField{
    "reader.edf.record_count_field", "%1: the number of data records %2 is not a count."};
inline constexpr MessageTemplate kEdfDurationField{
    "reader.edf.duration_field",
    "%1: the data record duration %2 is not a non-negative number of seconds."};
inline constexpr MessageTemplate kEdfSignalCountField{
    "reader.edf.signal_count_field", "%1: the number of signals %2 is not 1-4096."};
inline constexpr MessageTemplate kEdfHeaderTruncated{
    "reader.edf.header_truncated",
    "%1: the header declares %2 signals, which needs %3 header bytes, but the file has only %4 "
    "bytes - file truncated?"};
inline constexpr MessageTemplate kEdfSignalHeadersUnreadable{
    "reader.edf.signal_headers_unreadable", "%1: could not read the signal headers."};
/// %2: the signal's number, %3 its label (quoted), %4 the field (quoted).
inline constexpr MessageTemplate kEdfPhysicalMinField{
    "reader.edf.physical_min_field",
    "%1: signal %2 (%3): the physical minimum %4 is not a number."};
inline constexpr MessageTemplate kEdfPhysicalMaxField{
    "reader.edf.physical_max_field",
    "%1: signal %2 (%3): the physical maximum %4 is not a number."};
inline constexpr MessageTemplate kEdfDigitalMinField{
    "reader.edf.digital_min_field", "%1: signal %2 (%3): the digital minimum %4 is not a number."};
inline constexpr MessageTemplate kEdfDigitalMaxField{
    "reader.edf.digital_max_field", "%1: signal %2 (%3): the digital maximum %4 is not a number."};
inline constexpr MessageTemplate kEdfSamplesPerRecordField{
    "reader.edf.samples_per_record_field",
    "%1: signal %2 (%3): the number of samples per record %4 is not a positive count."};
inline constexpr MessageTemplate kEdfZeroDuration{
    "reader.edf.zero_duration", "%1: the data record duration is 0 s but the file has signals; "
                                "cannot derive a sampling rate."};
inline constexpr MessageTemplate kEdfDigitalRange{
    "reader.edf.digital_range", "%1: signal %2 (%3): digital maximum %4 is not above digital "
                                "minimum %5; the values cannot be scaled."};
inline constexpr MessageTemplate kEdfPhysicalRange{
    "reader.edf.physical_range", "%1: signal %2 (%3): physical minimum and maximum are both %4; "
                                 "the values cannot be scaled."};
inline constexpr MessageTemplate kEdfTooManyRecords{
    "reader.edf.too_many_records", "%1: the header declares %2 data records = %3 samples, more "
                                   "than the limit of %4 - header corrupt?"};
inline constexpr MessageTemplate kEdfTooManySamples{
    "reader.edf.too_many_samples", "%1: the file holds %2 samples, more than the limit of %3."};
inline constexpr MessageTemplate kEdfRecordUnreadable{"reader.edf.record_unreadable",
                                                      "%1: could not read data record %2."};
inline constexpr MessageTemplate kEdfRecordsUnreadable{"reader.edf.records_unreadable",
                                                       "%1: could not read data records %2-%3."};
inline constexpr MessageTemplate kEdfRecordTimesSpan{
    "reader.edf.record_times_span",
    "%1: the record times span %2 s for %3 s of data - corrupt EDF+ record times?"};
inline constexpr MessageTemplate kEdfRecordTimesTooLong{
    "reader.edf.record_times_too_long", "%1: the record times span %2 s = %3 samples, more than "
                                        "the limit of %4 - corrupt record times?"};

// WFDB (wfdb/wfdb_record.cpp, wfdb/wfdb_reader.cpp, wfdb/wfdb_multisegment.cpp,
// wfdb/ptbxl_index.cpp)
inline constexpr MessageTemplate kWfdbTruncated{
    "reader.wfdb.truncated", "%1: %2 samples expected, %3 holds %4 — file truncated?"};
inline constexpr MessageTemplate kWfdbSkewBeyondEnd{
    "reader.wfdb.skew_beyond_end", "%1: skewed signal(s); the last samples lie beyond the end of "
                                   "%2 and are marked invalid."};
inline constexpr MessageTemplate kWfdbChecksum{
    "reader.wfdb.checksum", "%1: checksum mismatch (header %2, data %3) — the signal file may be "
                            "damaged or belong to another record."};
/// %1: the annotation reader's error; made by quoting(), which keeps its id and values.
inline constexpr MessageTemplate kWfdbAnnotationsUnreadable{"reader.wfdb.annotations_unreadable",
                                                            "%1"};
// The annotation reader's errors (wfdb/wfdb_annotations.cpp); %1 is the annotation file.
/// %2: the header's error, made by quoting().
inline constexpr MessageTemplate kWfdbAnnotationsHeader{
    "reader.wfdb.annotations_header",
    "%1: cannot read the record's header for its sampling rate (%2)"};
inline constexpr MessageTemplate kWfdbAnnotationsUnopenable{"reader.wfdb.annotations_unopenable",
                                                            "%1: cannot open the annotation file."};
inline constexpr MessageTemplate kWfdbAnnotationsTooLarge{"reader.wfdb.annotations_too_large",
                                                          "%1: annotation file too large."};
inline constexpr MessageTemplate kWfdbAnnotationsSkipCut{
    "reader.wfdb.annotations_skip_cut", "%1: file ends inside a SKIP record — truncated?"};
inline constexpr MessageTemplate kWfdbAnnotationsAuxCut{
    "reader.wfdb.annotations_aux_cut", "%1: file ends inside an aux string — truncated?"};
inline constexpr MessageTemplate kWfdbSegmentMissing{
    "reader.wfdb.segment_missing",
    "segment %1 (%2 samples) is missing: the recording ends at %3 s."};
/// A warning of one segment of a multi-segment record: %2 is that warning's English; made by
/// quoting() (segmentWarning()), which keeps its id and values.
inline constexpr MessageTemplate kWfdbSegmentWarning{"reader.wfdb.segment_warning",
                                                     "segment %1: %2"};
inline constexpr MessageTemplate kWfdbSegmentLength{
    "reader.wfdb.segment_length",
    "segment %1: the master header says %2 samples, the segment holds %3."};
inline constexpr MessageTemplate kWfdbSegmentCalibration{
    "reader.wfdb.segment_calibration",
    "segment %1, %2: gain or baseline differs from the first segment; physical values follow "
    "each segment's own calibration."};
// WFDB errors (the record cannot be opened); %1 is the header's path, or a signal file's.
inline constexpr MessageTemplate kWfdbHeaderUnopenable{"reader.wfdb.header_unopenable",
                                                       "%1: cannot open the WFDB header."};
inline constexpr MessageTemplate kWfdbHeaderTooLarge{"reader.wfdb.header_too_large",
                                                     "%1: too large to be a WFDB header."};
inline constexpr MessageTemplate kWfdbHeaderEmpty{"reader.wfdb.header_empty",
                                                  "%1: empty WFDB header (no record line)."};
inline constexpr MessageTemplate kWfdbHeaderBinary{"reader.wfdb.header_binary",
                                                   "%1: not a WFDB header (binary data)."};
/// %2: the record line, quoted.
inline constexpr MessageTemplate kWfdbRecordLineShort{
    "reader.wfdb.record_line_short",
    "%1: record line %2: expected a record name and a number of signals"};
inline constexpr MessageTemplate kWfdbRecordLineSegments{
    "reader.wfdb.record_line_segments", "%1: record line %2: invalid number of segments"};
inline constexpr MessageTemplate kWfdbRecordLineSignals{
    "reader.wfdb.record_line_signals", "%1: record line %2: invalid number of signals %3"};
inline constexpr MessageTemplate kWfdbRecordLineFrequency{
    "reader.wfdb.record_line_frequency", "%1: record line %2: invalid sampling frequency %3"};
inline constexpr MessageTemplate kWfdbRecordLineFrequencyNotPositive{
    "reader.wfdb.record_line_frequency_not_positive",
    "%1: record line %2: sampling frequency must be positive (got %3 Hz)"};
inline constexpr MessageTemplate kWfdbRecordLineSamples{
    "reader.wfdb.record_line_samples", "%1: record line %2: invalid number of samples %3"};
/// %2: the signal line, quoted.
inline constexpr MessageTemplate kWfdbSignalLineShort{
    "reader.wfdb.signal_line_short",
    "%1: signal line %2: expected a file name and a storage format"};
inline constexpr MessageTemplate kWfdbSignalLineFormat{
    "reader.wfdb.signal_line_format", "%1: signal line %2: invalid storage format %3"};
inline constexpr MessageTemplate kWfdbSignalLineGain{"reader.wfdb.signal_line_gain",
                                                     "%1: signal line %2: invalid gain %3"};
inline constexpr MessageTemplate kWfdbSignalLineResolution{
    "reader.wfdb.signal_line_resolution", "%1: signal line %2: invalid ADC resolution %3"};
inline constexpr MessageTemplate kWfdbSignalLineZero{"reader.wfdb.signal_line_zero",
                                                     "%1: signal line %2: invalid ADC zero %3"};
inline constexpr MessageTemplate kWfdbSignalLineInitial{
    "reader.wfdb.signal_line_initial", "%1: signal line %2: invalid initial value %3"};
inline constexpr MessageTemplate kWfdbSignalLineChecksum{"reader.wfdb.signal_line_checksum",
                                                         "%1: signal line %2: invalid checksum %3"};
inline constexpr MessageTemplate kWfdbSignalLineBlockSize{
    "reader.wfdb.signal_line_block_size", "%1: signal line %2: invalid block size %3"};
/// %2: the segment line, quoted.
inline constexpr MessageTemplate kWfdbSegmentLine{
    "reader.wfdb.segment_line", "%1: segment line %2: expected a record name and a length"};
inline constexpr MessageTemplate kWfdbSegmentCount{
    "reader.wfdb.segment_count", "%1: the record line announces %2 segments, the header lists %3."};
inline constexpr MessageTemplate kWfdbSignalCount{
    "reader.wfdb.signal_count",
    "%1: the record line announces %2 signals, the header describes %3."};
inline constexpr MessageTemplate kWfdbFrameImplausible{
    "reader.wfdb.frame_implausible", "%1: %2 samples per frame is not a plausible recording."};
inline constexpr MessageTemplate kWfdbUnknownFormat{
    "reader.wfdb.unknown_format",
    "%1: %2 uses storage format %3, which is not a WFDB format (known: 8, 16, 24, 32, 61, 80, "
    "160, 212, 310, 311, 508, 516, 524)."};
inline constexpr MessageTemplate kWfdbMixedFormats{
    "reader.wfdb.mixed_formats",
    "%1: signals in %2 declare different storage formats (%3 and %4)."};
/// %3: the leads the missing file holds ("I, II, III").
inline constexpr MessageTemplate kWfdbSignalFileMissing{
    "reader.wfdb.signal_file_missing", "%1: signal file %2 not found (it holds %3)."};
inline constexpr MessageTemplate kWfdbTooLong{
    "reader.wfdb.too_long", "%1: the header declares %2 samples per signal (%3 signals), more "
                            "than this program accepts (%4 samples in all)."};
inline constexpr MessageTemplate kWfdbSegmentsTooLong{
    "reader.wfdb.segments_too_long", "%1: the header declares %2 samples per signal, more than "
                                     "this program accepts (%3 samples in all)."};
/// %3: the leads the file holds, %4 the samples expected.
inline constexpr MessageTemplate kWfdbSignalFileEmpty{
    "reader.wfdb.signal_file_empty",
    "%1: %2 holds no samples (%3: %4 samples expected) — file empty or truncated?"};
inline constexpr MessageTemplate kWfdbNestedSegment{
    "reader.wfdb.nested_segment", "%1: a segment may not itself be a multi-segment record."};
inline constexpr MessageTemplate kWfdbSignalFileUnopenable{"reader.wfdb.signal_file_unopenable",
                                                           "%1: cannot open the signal file."};
inline constexpr MessageTemplate kWfdbSignalFileSeek{"reader.wfdb.signal_file_seek",
                                                     "%1: cannot seek to byte offset %2."};
inline constexpr MessageTemplate kWfdbFlacTooManySignals{
    "reader.wfdb.flac_too_many_signals",
    "%1: FLAC signal files hold at most 8 signals, the header puts %2 in it."};
inline constexpr MessageTemplate kWfdbFlacFrameLayout{
    "reader.wfdb.flac_frame_layout", "%1: signals of one FLAC file must share samples-per-frame."};
/// %2: libFLAC's name for the problem (English).
inline constexpr MessageTemplate kWfdbFlacUnopenable{"reader.wfdb.flac_unopenable",
                                                     "%1: cannot open the FLAC signal file (%2)."};
inline constexpr MessageTemplate kWfdbFlacChannels{
    "reader.wfdb.flac_channels", "%1: the FLAC stream has %2 channels, the header describes %3 "
                                 "signals."};
inline constexpr MessageTemplate kWfdbFlacDataError{"reader.wfdb.flac_data_error",
                                                    "%1: FLAC data error (%2)."};
inline constexpr MessageTemplate kPtbxlNotListed{
    "reader.ptbxl.not_listed", "PTB-XL: %1 is not listed in %2; age, sex and statements unknown."};

// CSV (csv/csv_reader.cpp)
inline constexpr MessageTemplate kCsvNoHeader{
    "reader.csv.no_header", "No header row with lead names; columns are named ch1..ch%1."};
inline constexpr MessageTemplate kCsvBadCells{
    "reader.csv.bad_cells", "%1 cell(s) were empty or not numbers and are shown as gaps (NaN); "
                            "first at line %2, column %3: %4."};
inline constexpr MessageTemplate kCsvShortRows{
    "reader.csv.short_rows", "%1 row(s) have fewer values than the header (first: line %2 has %3 "
                             "of %4); the missing values are gaps (NaN)."};
inline constexpr MessageTemplate kCsvTimeNotUniform{
    "reader.csv.time_not_uniform",
    "The time column is not uniformly spaced (line %1: %2 after %3, the usual step is %4); using "
    "the given sampling rate."};
inline constexpr MessageTemplate kCsvTimeStepDiffers{
    "reader.csv.time_step_differs",
    "The time column's average step (%1) differs from its usual step (%2) - samples missing? "
    "Using the given sampling rate."};
inline constexpr MessageTemplate kCsvRateConflict{
    "reader.csv.rate_conflict", "The time column implies %1 Hz but %2 Hz was given; using %2 Hz."};
inline constexpr MessageTemplate kCsvUnitAssumed{
    "reader.csv.unit_assumed",
    "The header gives no unit for some columns; assumed mV. Name the unit in the header (e.g. "
    "\"II (uV)\") or pass it when opening."};

// CSV errors (the file cannot be opened); %1 is the path.
inline constexpr MessageTemplate kCsvTooLarge{
    "reader.csv.too_large", "%1: the file is too large to load as text (%2 bytes)."};
inline constexpr MessageTemplate kCsvBinary{
    "reader.csv.binary",
    "%1: the file contains binary data (NUL bytes); it is not a text/CSV recording."};
inline constexpr MessageTemplate kCsvNoLines{"reader.csv.no_lines",
                                             "%1: the file holds no text lines."};
inline constexpr MessageTemplate kCsvNoColumns{"reader.csv.no_columns",
                                               "%1: the header row names no columns."};
inline constexpr MessageTemplate kCsvNoRows{"reader.csv.no_rows",
                                            "%1: the file holds a header row but no data rows."};
inline constexpr MessageTemplate kCsvNoSignals{
    "reader.csv.no_signals", "%1: the file has a time column but no signal columns."};
inline constexpr MessageTemplate kCsvTooManySamples{
    "reader.csv.too_many_samples", "%1: %2 rows x %3 columns exceed the sample limit of %4."};
inline constexpr MessageTemplate kCsvRowTooLong{
    "reader.csv.row_too_long", "%1: line %2 has %3 values but the header names %4 columns."};
inline constexpr MessageTemplate kCsvTimeMissing{"reader.csv.time_missing",
                                                 "%1: line %2: the time column has no number."};
/// %2: the time column's name, quoted.
inline constexpr MessageTemplate kCsvTimeNotIncreasing{
    "reader.csv.time_not_increasing", "%1: the time column (%2) does not increase."};
inline constexpr MessageTemplate kCsvTimeIrregular{
    "reader.csv.time_irregular",
    "%1: the time column is not uniformly spaced (line %2: %3 after %4, the usual step is %5); "
    "resample the data or give the sampling rate explicitly."};
inline constexpr MessageTemplate kCsvTimeGaps{
    "reader.csv.time_gaps",
    "%1: the time column's average step (%2) differs from its usual step (%3) - samples "
    "missing? Resample the data or give the sampling rate explicitly."};
inline constexpr MessageTemplate kCsvRateNotPositive{
    "reader.csv.rate_not_positive", "%1: the given sampling rate %2 Hz is not positive."};
inline constexpr MessageTemplate kCsvNoRate{
    "reader.csv.no_rate",
    "%1: no sampling rate: the file has no time column and none was given. Add a time column "
    "(e.g. \"time_s\" or \"time_ms\") or give the sampling rate when opening (fsHz option)."};
/// %2: the unit given, quoted.
inline constexpr MessageTemplate kCsvUnknownUnit{"reader.csv.unknown_unit",
                                                 "%1: unknown unit %2 (use mV, uV or V)."};

// DICOM waveform (vendor/dicom_reader.cpp)
inline constexpr MessageTemplate kDicomTruncated{
    "reader.dicom.truncated", "%1 samples per lead expected, the file holds %2 — file truncated?"};
inline constexpr MessageTemplate kDicomChannelDefinitionsMissing{
    "reader.dicom.channel_definitions_missing",
    "channel definitions are missing for some channels; their amplitudes are shown unscaled."};
inline constexpr MessageTemplate kDicomUnknownUnit{
    "reader.dicom.unknown_unit", "%1: unknown amplitude unit '%2'; values shown as stored."};
inline constexpr MessageTemplate kDicomSkew{
    "reader.dicom.skew", "%1: a sample skew of %2 ms is declared and not applied."};

// DICOM errors (the file cannot be opened); %1 is the path, %2 of some a tag "(gggg,eeee)".
inline constexpr MessageTemplate kDicomTooDeep{
    "reader.dicom.too_deep", "%1: sequences are nested deeper than any ECG needs — file damaged?"};
inline constexpr MessageTemplate kDicomElementCut{
    "reader.dicom.element_cut",
    "%1: the data set ends in the middle of an element — file truncated?"};
inline constexpr MessageTemplate kDicomElementLength{
    "reader.dicom.element_length",
    "%1: element %2 claims %3 bytes but only %4 remain — file truncated or damaged?"};
inline constexpr MessageTemplate kDicomTooManyElements{
    "reader.dicom.too_many_elements", "%1: more elements than any ECG holds — file damaged?"};
inline constexpr MessageTemplate kDicomItemNoEnd{
    "reader.dicom.item_no_end", "%1: a sequence item has no end marker — file truncated?"};
inline constexpr MessageTemplate kDicomItemCut{
    "reader.dicom.item_cut", "%1: a sequence ends in the middle of an item — file truncated?"};
inline constexpr MessageTemplate kDicomNotItem{
    "reader.dicom.not_item", "%1: sequence %2 holds something that is not an item — file damaged?"};
inline constexpr MessageTemplate kDicomItemLength{
    "reader.dicom.item_length",
    "%1: an item of %2 claims %3 bytes but only %4 remain — file truncated?"};
inline constexpr MessageTemplate kDicomSequenceNoEnd{
    "reader.dicom.sequence_no_end", "%1: sequence %2 has no end marker — file truncated?"};
inline constexpr MessageTemplate kDicomMetaDamaged{
    "reader.dicom.meta_damaged",
    "%1: the DICOM file meta information is damaged — file truncated?"};
inline constexpr MessageTemplate kDicomTransferSyntax{
    "reader.dicom.transfer_syntax",
    "%1: uses DICOM transfer syntax %2; only uncompressed little endian (1.2.840.10008.1.2 and "
    "1.2.840.10008.1.2.1) is supported. Convert it, e.g. with DCMTK's dcmconv +ti."};
inline constexpr MessageTemplate kDicomTransferSyntaxMissing{
    "reader.dicom.transfer_syntax_missing",
    "%1: names no DICOM transfer syntax; only uncompressed little endian (1.2.840.10008.1.2 and "
    "1.2.840.10008.1.2.1) is supported. Convert it, e.g. with DCMTK's dcmconv +ti."};
inline constexpr MessageTemplate kDicomNoWaveform{
    "reader.dicom.no_waveform",
    "%1: a DICOM file, but it holds no waveform (no Waveform Sequence 5400,0100) — is it an "
    "image rather than an ECG?"};
inline constexpr MessageTemplate kDicomWaveformSize{
    "reader.dicom.waveform_size", "%1: the waveform declares %2 channels and %3 samples."};
inline constexpr MessageTemplate kDicomNoFrequency{
    "reader.dicom.no_frequency", "%1: the waveform has no valid sampling frequency (003A,001A)."};
inline constexpr MessageTemplate kDicomNoData{"reader.dicom.no_data",
                                              "%1: the waveform has no Waveform Data (5400,1010)."};
/// %2: the Waveform Sample Interpretation, quoted.
inline constexpr MessageTemplate kDicomInterpretation{
    "reader.dicom.interpretation",
    "%1: waveform sample interpretation %2 (e.g. mu-law/A-law) is not supported."};
inline constexpr MessageTemplate kDicomBits{"reader.dicom.bits",
                                            "%1: %2 bits per waveform sample is not supported."};
inline constexpr MessageTemplate kDicomNoFrame{
    "reader.dicom.no_frame",
    "%1: the waveform data (%2 bytes) do not hold one frame of %3 channels — file damaged?"};
inline constexpr MessageTemplate kDicomZeroSensitivity{"reader.dicom.zero_sensitivity",
                                                       "%1: %2 has a zero channel sensitivity."};

// SCP-ECG (vendor/scp_reader.cpp)
inline constexpr MessageTemplate kScpSectionOutside{
    "reader.scp.section_outside", "section %1 is said to lie at byte %2 (%3 bytes) but the file "
                                  "has only %4 bytes; section ignored."};
inline constexpr MessageTemplate kScpSectionHeaderMismatch{
    "reader.scp.section_header_mismatch",
    "section %1: the table of contents points to a section header that does not match it (found "
    "id %2); section ignored."};
inline constexpr MessageTemplate kScpSectionChecksum{
    "reader.scp.section_checksum",
    "section %1: checksum (CRC) mismatch — the section may be damaged."};
inline constexpr MessageTemplate kScpPatientFieldOverrun{
    "reader.scp.patient_field_overrun", "section 1 (patient data): field %1 runs past the end of "
                                        "the section; the rest is ignored."};
inline constexpr MessageTemplate kScpInterpretationOverrun{
    "reader.scp.interpretation_overrun",
    "section 8 (interpretation): statement %1 runs past the section end."};
inline constexpr MessageTemplate kScpUniversalStatementOverrun{
    "reader.scp.universal_statement_overrun",
    "section 11 (universal statements): statement %1 runs past the section end."};
inline constexpr MessageTemplate kScpFileTruncated{
    "reader.scp.file_truncated", "the file is %1 bytes but declares %2 — file truncated?"};
inline constexpr MessageTemplate kScpTrailingBytes{
    "reader.scp.trailing_bytes",
    "the file has %1 bytes after the declared end of the record; they are ignored."};
inline constexpr MessageTemplate kScpFileChecksum{
    "reader.scp.file_checksum", "file checksum (CRC) mismatch — the file may be damaged."};
inline constexpr MessageTemplate kScpLeadsNotAligned{
    "reader.scp.leads_not_aligned",
    "%1 starts at sample %2, lead 1 at sample %3; the leads are shown from their first samples "
    "and are not aligned in time."};
inline constexpr MessageTemplate kScpQrsCount{"reader.scp.qrs_count",
                                              "section 4 lists %1 QRS complexes but holds fewer."};
inline constexpr MessageTemplate kScpReferenceBeatsMissing{
    "reader.scp.reference_beats_missing",
    "the file says reference beats were subtracted, but section 4 or 5 is missing: the rhythm "
    "shown is the residual, not the full ECG."};
inline constexpr MessageTemplate kScpReferenceBeatsZeroInterval{
    "reader.scp.reference_beats_zero_interval",
    "section 5 has a zero sampling interval; the rhythm shown is the residual, not the full ECG."};
inline constexpr MessageTemplate kScpReferenceBeatsShort{
    "reader.scp.reference_beats_short",
    "section 5 (reference beats) is too short for its header; the rhythm shown is the residual, "
    "not the full ECG."};
inline constexpr MessageTemplate kScpReferenceBeatsLeadOverrun{
    "reader.scp.reference_beats_lead_overrun",
    "section 5 (reference beats): lead %1 data (%2 bytes) run past the end of the section — "
    "file truncated? The rhythm shown is the residual, not the full ECG."};
inline constexpr MessageTemplate kScpReferenceBeatsEncoding{
    "reader.scp.reference_beats_encoding",
    "section 5 (reference beats): unknown difference encoding %1; the rhythm shown is the "
    "residual, not the full ECG."};
// What a damaged Huffman stream holds (scp_huffman.cpp), quoted by the two warnings below.
inline constexpr MessageTemplate kScpHuffmanUndefinedCode{
    "reader.scp.huffman_undefined_code",
    "the compressed data hold a code that the Huffman table does not define"};
inline constexpr MessageTemplate kScpHuffmanNoSuchTable{
    "reader.scp.huffman_no_such_table",
    "the compressed data switch to a Huffman table that does not exist"};
/// %2: what the decoder found (quoting()).
inline constexpr MessageTemplate kScpReferenceBeatDamaged{"reader.scp.reference_beat_damaged",
                                                          "section 5, lead %1: %2."};
/// %2: what the decoder found (quoting()).
inline constexpr MessageTemplate kScpLeadDamaged{"reader.scp.lead_damaged",
                                                 "%1: %2; samples after that point are missing."};
inline constexpr MessageTemplate kScpLeadShort{
    "reader.scp.lead_short",
    "%1: %2 samples expected, the file holds %3 — file truncated? Missing samples are blank."};

// SCP-ECG errors (the file cannot be opened); %1 is the path.
inline constexpr MessageTemplate kScpTooShort{
    "reader.scp.too_short", "%1: too short to be an SCP-ECG file (%2 bytes) — file truncated?"};
inline constexpr MessageTemplate kScpNoTableOfContents{
    "reader.scp.no_table_of_contents", "%1: not a readable SCP-ECG file (section 0, the table "
                                       "of contents, is missing or damaged)."};
inline constexpr MessageTemplate kScpHuffmanEmpty{"reader.scp.huffman_empty",
                                                  "%1: section 2 (Huffman tables) is empty."};
inline constexpr MessageTemplate kScpHuffmanShort{
    "reader.scp.huffman_short",
    "%1: section 2 declares %2 Huffman tables but is too short to hold them."};
inline constexpr MessageTemplate kScpHuffmanCodeLength{
    "reader.scp.huffman_code_length", "%1: section 2 table %2 has an invalid code length."};
inline constexpr MessageTemplate kScpNoLeadDefinitions{
    "reader.scp.no_lead_definitions", "%1: section 3 (lead definitions) is missing or damaged, "
                                      "so the leads cannot be read."};
inline constexpr MessageTemplate kScpLeadDefinitionsShort{
    "reader.scp.lead_definitions_short",
    "%1: section 3 declares %2 leads but does not hold their definitions."};
inline constexpr MessageTemplate kScpLeadRange{
    "reader.scp.lead_range", "%1: lead %2 has an invalid sample range in section 3."};
inline constexpr MessageTemplate kScpNoRhythm{
    "reader.scp.no_rhythm", "%1: section 6 (rhythm data) is missing or damaged; this file holds "
                            "no rhythm ECG to show."};
inline constexpr MessageTemplate kScpRhythmShort{
    "reader.scp.rhythm_short", "%1: section 6 (rhythm data) is too short for its header."};
inline constexpr MessageTemplate kScpRhythmLeadOverrun{
    "reader.scp.rhythm_lead_overrun",
    "%1: section 6 (rhythm data): lead %2 data (%3 bytes) run past the end of the section — "
    "file truncated?"};
inline constexpr MessageTemplate kScpRhythmEncoding{
    "reader.scp.rhythm_encoding", "%1: section 6 (rhythm data): unknown difference encoding %2."};
inline constexpr MessageTemplate kScpBimodal{
    "reader.scp.bimodal",
    "%1: uses bimodal compression (section 6), which this reader does not decode yet."};
inline constexpr MessageTemplate kScpRhythmZero{
    "reader.scp.rhythm_zero",
    "%1: section 6 gives a zero sampling interval or amplitude multiplier."};
inline constexpr MessageTemplate kScpLeadDataShort{
    "reader.scp.lead_data_short", "%1: lead %2: section 3 declares %3 samples but section 6 "
                                  "holds only %4 bytes for it — damaged file?"};
inline constexpr MessageTemplate kScpTooManySamples{
    "reader.scp.too_many_samples", "%1: declares %2 samples, more than the limit."};

// HL7 aECG (vendor/hl7_reader.cpp)
inline constexpr MessageTemplate kHl7NotSampled{
    "reader.hl7.not_sampled", "%1: value type '%2' is not a sampled list; lead skipped."};
inline constexpr MessageTemplate kHl7NoUnit{"reader.hl7.no_unit",
                                            "%1: the scale has no unit; microvolts assumed."};
inline constexpr MessageTemplate kHl7NoLeadCode{
    "reader.hl7.no_lead_code", "a lead sequence has no lead code; it is shown as '%1'."};
inline constexpr MessageTemplate kHl7NotNumbers{"reader.hl7.not_numbers",
                                                "%1: %2 values are not numbers; shown as gaps."};
inline constexpr MessageTemplate kHl7NoSamples{"reader.hl7.no_samples",
                                               "%1: the sequence holds no samples; lead skipped."};
inline constexpr MessageTemplate kHl7AgeConflict{
    "reader.hl7.age_conflict",
    "the file reports an age of %1 years, but the birth date and "
    "recording date give %2; the latter is used.",
    ageArg(1) | ageArg(2)};
inline constexpr MessageTemplate kHl7LengthDiffers{"reader.hl7.length_differs",
                                                   "%1: %2 samples, other leads have %3."};

// HL7 aECG errors (the file cannot be opened); %1 is the path.
inline constexpr MessageTemplate kHl7NoScale{
    "reader.hl7.no_scale", "%1: %2 has no usable scale; its amplitudes cannot be known."};
/// %3: the unit, quoted.
inline constexpr MessageTemplate kHl7UnknownUnit{
    "reader.hl7.unknown_unit",
    "%1: %2 uses the unit %3, which is not a voltage this reader knows."};
inline constexpr MessageTemplate kHl7NoIncrement{
    "reader.hl7.no_increment", "%1: the rhythm series has no time sequence with an increment, so "
                               "the sampling rate is unknown."};
/// %2: the XML parser's reason (English).
inline constexpr MessageTemplate kHl7NotWellFormed{
    "reader.hl7.not_well_formed", "%1: not well-formed XML (%2 at byte %3) — file damaged?"};
inline constexpr MessageTemplate kHl7NotAecg{
    "reader.hl7.not_aecg", "%1: XML, but not an HL7 annotated ECG (no AnnotatedECG element)."};
inline constexpr MessageTemplate kHl7NoSeries{"reader.hl7.no_series",
                                              "%1: the annotated ECG holds no waveform series."};
inline constexpr MessageTemplate kHl7NoLeads{"reader.hl7.no_leads",
                                             "%1: the rhythm series holds no lead samples."};

// A worklist's folder (folder.cpp); %1 is the folder, %2 of some the system's reason (English).
inline constexpr MessageTemplate kFolderMissing{"reader.folder.missing", "%1: no such folder."};
inline constexpr MessageTemplate kFolderIsFile{"reader.folder.is_file",
                                               "%1: is a file, not a folder."};
inline constexpr MessageTemplate kFolderUnreadable{"reader.folder.unreadable",
                                                   "%1: cannot be read (%2)."};
inline constexpr MessageTemplate kFolderSubfolderUnreadable{
    "reader.folder.subfolder_unreadable",
    "%1: cannot be read (%2); its recordings are not listed."};
inline constexpr MessageTemplate kFolderStoppedEarly{
    "reader.folder.stopped_early", "%1: the listing of this folder stopped early (%2)."};

// Any format (open.cpp): what every reader's result is checked for.
inline constexpr MessageTemplate kAgeImplausible{
    "reader.age_implausible",
    "the file gives the patient's age as %1 years, which cannot be right (0-150 years); age "
    "unknown.",
    ageArg(1)};

/// %1: the declaration, quoted ('ISO 2022 IR 87', 'SCP-ECG language support code 0x07').
inline constexpr MessageTemplate kTextEncodingUndecoded{
    "reader.text_encoding_undecoded",
    "the file declares the character set %1 for its text, which ECG Lens does not decode; "
    "names and text are read as UTF-8 or ISO 8859-1, so other letters may be wrong."};

inline constexpr MessageTemplate kAmplitudeImplausible{
    "reader.amplitude_implausible",
    "%1 reaches %2 mV, far beyond any ECG: its calibration (gain or unit) is probably wrong; "
    "shown as stored."};

/// Leads I, II and III break Einthoven's law II = I + III (core/limb_leads.h): %1 the residual
/// in mV (EinthovenCheck::residualMv, a 95th percentile), %2 that as a percentage of the
/// largest lead's (EinthovenCheck::amplitudeMv).
inline constexpr MessageTemplate kLimbLeadsInconsistent{
    "reader.limb_leads_inconsistent",
    "leads I, II and III do not obey Einthoven's law (II = I + III): II differs from I + III by "
    "%1 mV or more in 5 % of the samples, %2 % of the largest lead's swing. A lead may be "
    "mislabelled or have a wrong gain, or the leads were rescaled one by one: their amplitudes and "
    "the axis are not reliable."};

/// Every template above, for interfaces that check they can word each one.
inline std::vector<MessageTemplate> all()
{
    return {kEdfStartUnreadable,
            kEdfStartdateMismatch,
            kEdfHeaderSize,
            kEdfRecordCountUnknown,
            kEdfTruncated,
            kEdfTrailingBytes,
            kEdfNoCompleteRecord,
            kEdfDiscontinuousWithoutAnnotations,
            kEdfGaps,
            kEdfOverlaps,
            kEdfUnlabelledSignal,
            kEdfAnnotationsOnly,
            kEdfMalformedAnnotations,
            kWfdbTruncated,
            kWfdbSkewBeyondEnd,
            kWfdbChecksum,
            kWfdbAnnotationsUnreadable,
            kWfdbAnnotationsHeader,
            kWfdbAnnotationsUnopenable,
            kWfdbAnnotationsTooLarge,
            kWfdbAnnotationsSkipCut,
            kWfdbAnnotationsAuxCut,
            kWfdbSegmentMissing,
            kWfdbSegmentWarning,
            kWfdbSegmentLength,
            kWfdbSegmentCalibration,
            kPtbxlNotListed,
            kCsvNoHeader,
            kCsvBadCells,
            kCsvShortRows,
            kCsvTimeNotUniform,
            kCsvTimeStepDiffers,
            kCsvRateConflict,
            kCsvUnitAssumed,
            kDicomTruncated,
            kDicomChannelDefinitionsMissing,
            kDicomUnknownUnit,
            kDicomSkew,
            kScpSectionOutside,
            kScpSectionHeaderMismatch,
            kScpSectionChecksum,
            kScpPatientFieldOverrun,
            kScpInterpretationOverrun,
            kScpUniversalStatementOverrun,
            kScpFileTruncated,
            kScpTrailingBytes,
            kScpFileChecksum,
            kScpLeadsNotAligned,
            kScpQrsCount,
            kScpReferenceBeatsMissing,
            kScpReferenceBeatsZeroInterval,
            kScpReferenceBeatsShort,
            kScpReferenceBeatsLeadOverrun,
            kScpReferenceBeatsEncoding,
            kScpHuffmanUndefinedCode,
            kScpHuffmanNoSuchTable,
            kScpReferenceBeatDamaged,
            kScpLeadDamaged,
            kScpLeadShort,
            kHl7NotSampled,
            kHl7NoUnit,
            kHl7NoLeadCode,
            kHl7NotNumbers,
            kHl7NoSamples,
            kHl7AgeConflict,
            kHl7LengthDiffers,
            kAgeImplausible,
            kTextEncodingUndecoded,
            kAmplitudeImplausible,
            kLimbLeadsInconsistent,
            kOpenNoFileName,
            kOpenFolder,
            kOpenNoSuchFile,
            kOpenEmpty,
            kOpenUnrecognised,
            kOpenOutOfMemory,
            kOpenUnexpected,
            kOpenSamplingRate,
            kWfdbHeaderUnopenable,
            kWfdbHeaderTooLarge,
            kWfdbHeaderEmpty,
            kWfdbHeaderBinary,
            kWfdbRecordLineShort,
            kWfdbRecordLineSegments,
            kWfdbRecordLineSignals,
            kWfdbRecordLineFrequency,
            kWfdbRecordLineFrequencyNotPositive,
            kWfdbRecordLineSamples,
            kWfdbSignalLineShort,
            kWfdbSignalLineFormat,
            kWfdbSignalLineGain,
            kWfdbSignalLineResolution,
            kWfdbSignalLineZero,
            kWfdbSignalLineInitial,
            kWfdbSignalLineChecksum,
            kWfdbSignalLineBlockSize,
            kWfdbSegmentLine,
            kWfdbSegmentCount,
            kWfdbSignalCount,
            kWfdbFrameImplausible,
            kWfdbUnknownFormat,
            kWfdbMixedFormats,
            kWfdbSignalFileMissing,
            kWfdbTooLong,
            kWfdbSegmentsTooLong,
            kWfdbSignalFileEmpty,
            kWfdbNestedSegment,
            kWfdbSignalFileUnopenable,
            kWfdbSignalFileSeek,
            kWfdbFlacTooManySignals,
            kWfdbFlacFrameLayout,
            kWfdbFlacUnopenable,
            kWfdbFlacChannels,
            kWfdbFlacDataError,
            kOpenUnreadable,
            kOpenUnopenable,
            kEdfHeaderShort,
            kEdfVersionField,
            kEdfRecordCountField,
            kEdfDurationField,
            kEdfSignalCountField,
            kEdfHeaderTruncated,
            kEdfSignalHeadersUnreadable,
            kEdfPhysicalMinField,
            kEdfPhysicalMaxField,
            kEdfDigitalMinField,
            kEdfDigitalMaxField,
            kEdfSamplesPerRecordField,
            kEdfZeroDuration,
            kEdfDigitalRange,
            kEdfPhysicalRange,
            kEdfTooManyRecords,
            kEdfTooManySamples,
            kEdfRecordUnreadable,
            kEdfRecordsUnreadable,
            kEdfRecordTimesSpan,
            kEdfRecordTimesTooLong,
            kCsvTooLarge,
            kCsvBinary,
            kCsvNoLines,
            kCsvNoColumns,
            kCsvNoRows,
            kCsvNoSignals,
            kCsvTooManySamples,
            kCsvRowTooLong,
            kCsvTimeMissing,
            kCsvTimeNotIncreasing,
            kCsvTimeIrregular,
            kCsvTimeGaps,
            kCsvRateNotPositive,
            kCsvNoRate,
            kCsvUnknownUnit,
            kOpenIncomplete,
            kOpenTooLarge,
            kDicomTooDeep,
            kDicomElementCut,
            kDicomElementLength,
            kDicomTooManyElements,
            kDicomItemNoEnd,
            kDicomItemCut,
            kDicomNotItem,
            kDicomItemLength,
            kDicomSequenceNoEnd,
            kDicomMetaDamaged,
            kDicomTransferSyntax,
            kDicomTransferSyntaxMissing,
            kDicomNoWaveform,
            kDicomWaveformSize,
            kDicomNoFrequency,
            kDicomNoData,
            kDicomInterpretation,
            kDicomBits,
            kDicomNoFrame,
            kOpenTooManySamples,
            kDicomZeroSensitivity,
            kScpTooShort,
            kScpNoTableOfContents,
            kScpHuffmanEmpty,
            kScpHuffmanShort,
            kScpHuffmanCodeLength,
            kScpNoLeadDefinitions,
            kScpLeadDefinitionsShort,
            kScpLeadRange,
            kScpNoRhythm,
            kScpRhythmShort,
            kScpRhythmLeadOverrun,
            kScpRhythmEncoding,
            kScpBimodal,
            kScpRhythmZero,
            kScpLeadDataShort,
            kScpTooManySamples,
            kHl7NoScale,
            kHl7UnknownUnit,
            kHl7NoIncrement,
            kHl7NotWellFormed,
            kHl7NotAecg,
            kHl7NoSeries,
            kHl7NoLeads,
            kFolderMissing,
            kFolderIsFile,
            kFolderUnreadable,
            kFolderSubfolderUnreadable,
            kFolderStoppedEarly};
}

/// A value the file holds as text, in double quotes (see the top of this file).
inline std::string quoted(const std::string& text)
{
    return "\"" + text + "\"";
}

/// `t` about the file `path` (its %1), `values` filling %2, %3, ...
inline Message aboutFile(const MessageTemplate& t, const std::string& path,
                         std::vector<std::string> values = {})
{
    values.insert(values.begin(), path);
    return makeMessage(t, std::move(values));
}

/// The templates whose last placeholder is another message (quoting()), with how many
/// placeholders each has; 0 for any other id.
inline std::size_t quotingPlaceholders(const std::string& id)
{
    if (id == kWfdbSegmentWarning.id || id == kWfdbAnnotationsHeader.id ||
        id == kScpReferenceBeatDamaged.id || id == kScpLeadDamaged.id)
        return 2;
    if (id == kWfdbAnnotationsUnreadable.id)
        return 1;
    return 0;
}

/// `outer` (one of quotingPlaceholders'), its placeholders filled with `values` and then
/// `inner`'s English. The values after those are the inner message's id and values, so that
/// an interface can word it in its own language in turn (app/report/engine_text.cpp).
inline Message quoting(const MessageTemplate& outer, std::vector<std::string> values,
                       const Message& inner)
{
    values.push_back(inner.text);
    const std::size_t shift = values.size() + 1; // where the inner values now stand
    values.push_back(inner.id);
    values.insert(values.end(), inner.args.begin(), inner.args.end());
    Message m = makeMessage(outer, std::move(values));
    m.ageArgs = inner.ageArgs << shift;
    m.wordArgs = inner.wordArgs << shift;
    return m;
}

/// `inner`, a warning of segment `segment` of a multi-segment record: "segment <name>: <inner>".
inline Message segmentWarning(const std::string& segment, const Message& inner)
{
    return quoting(kWfdbSegmentWarning, {segment}, inner);
}

} // namespace ecglens::io::messages
