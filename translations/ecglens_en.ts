<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Findings</name>
    <message numerus="yes">
        <source>%n premature ventricular / wide-QRS beat(s), first at %1</source>
        <translation>
            <numerusform>%n premature ventricular / wide-QRS beat, first at %1</numerusform>
            <numerusform>%n premature ventricular / wide-QRS beats, first at %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n premature narrow beat(s), first at %1</source>
        <translation>
            <numerusform>%n premature narrow beat, first at %1</numerusform>
            <numerusform>%n premature narrow beats, first at %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more flagged segment(s) with lower probabilities are not listed here; the Flagged segments dock lists every one.</source>
        <translation>
            <numerusform>%n more flagged segment with a lower probability is not listed here; the Flagged segments dock lists every one.</numerusform>
            <numerusform>%n more flagged segments with lower probabilities are not listed here; the Flagged segments dock lists every one.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>explained window, the %n lead(s) with the largest contributions: </source>
        <translation>
            <numerusform>explained window, the %n lead with the largest contributions: </numerusform>
            <numerusform>explained window, the %n leads with the largest contributions: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>exact TreeSHAP (libxgboost) over the model&apos;s %n input(s)</source>
        <translation>
            <numerusform>exact TreeSHAP (libxgboost) over the model&apos;s %n input</numerusform>
            <numerusform>exact TreeSHAP (libxgboost) over the model&apos;s %n inputs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>logistic regression: coefficient × standardised value of each of the model&apos;s %n input(s)</source>
        <translation>
            <numerusform>logistic regression: coefficient × standardised value of the model&apos;s %n input</numerusform>
            <numerusform>logistic regression: coefficient × standardised value of each of the model&apos;s %n inputs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ecglens::AnalysisController</name>
    <message numerus="yes">
        <source>%n window(s)</source>
        <translation>
            <numerusform>%n window</numerusform>
            <numerusform>%n windows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flagged segment(s)</source>
        <translation>
            <numerusform>%n flagged segment</numerusform>
            <numerusform>%n flagged segments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ecglens::ComparisonView</name>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ecglens::FlaggedPanel</name>
    <message numerus="yes">
        <source>%n segment(s) at or above the anomalous threshold — click to review.</source>
        <translation>
            <numerusform>%n segment at or above the anomalous threshold — click to review.</numerusform>
            <numerusform>%n segments at or above the anomalous threshold — click to review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Look first: the %n most probable flagged window(s), a minute or more apart</source>
        <translation>
            <numerusform>Look first: %n most probable flagged window</numerusform>
            <numerusform>Look first: the %n most probable flagged windows, a minute or more apart</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ecglens::MainWindow</name>
    <message numerus="yes">
        <source>⚠ %n reader warning(s)</source>
        <translation>
            <numerusform>⚠ %n reader warning</numerusform>
            <numerusform>⚠ %n reader warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ecglens::MeasurementsPanel</name>
    <message numerus="yes">
        <source>%n evidence point(s); click to show</source>
        <translation>
            <numerusform>%n evidence point; click to show</numerusform>
            <numerusform>%n evidence points; click to show</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ecglens::ReportExporter</name>
    <message numerus="yes">
        <source>Explaining %n window(s) for the report …</source>
        <translation>
            <numerusform>Explaining %n window for the report …</numerusform>
            <numerusform>Explaining %n windows for the report …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ecglens::WaterfallChart</name>
    <message numerus="yes">
        <source>other %n segments</source>
        <translation>
            <numerusform>other %n segment</numerusform>
            <numerusform>other %n segments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ecglens::WorklistPanel</name>
    <message numerus="yes">
        <source>%Ln text file(s) in the folder did not read as recordings (spreadsheets, notes) and are not listed.</source>
        <translation>
            <numerusform>%Ln text file in the folder did not read as a recording (spreadsheet, note) and is not listed.</numerusform>
            <numerusform>%Ln text files in the folder did not read as recordings (spreadsheets, notes) and are not listed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln recording(s)</source>
        <translation>
            <numerusform>%Ln recording</numerusform>
            <numerusform>%Ln recordings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Patient %1: %Ln ECG(s) in the list.</source>
        <translation>
            <numerusform>Patient %1: %Ln ECG in the list.</numerusform>
            <numerusform>Patient %1: %Ln ECGs in the list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %Ln with advice for a prompt review</source>
        <translation>
            <numerusform>; %Ln with advice for a prompt review</numerusform>
            <numerusform>; %Ln with advice for a prompt review</numerusform>
        </translation>
    </message>
</context>
</TS>
