<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Engine</name>
    <message>
        <source>patient is %1 years old: the model was validated on adults (PTB-XL); paediatric ECGs differ — interpret with care</source>
        <translation>Patient ist %1 Jahre alt: das Modell wurde an Erwachsenen validiert (PTB-XL); EKGs von Kindern unterscheiden sich — mit Vorsicht beurteilen</translation>
    </message>
    <message>
        <source>only %1 of the 12 standard leads (%2): accuracy is lower than with 12 leads (see the model card)</source>
        <translation>nur %1 der 12 Standardableitungen (%2): die Genauigkeit ist geringer als mit 12 Ableitungen (siehe Modellbeschreibung)</translation>
    </message>
    <message>
        <source>sampling rate %1 Hz is below the model&apos;s 100 Hz; the signal was upsampled and detail is missing</source>
        <translation>Abtastrate %1 Hz liegt unter den 100 Hz des Modells; das Signal wurde hochgerechnet, Details fehlen</translation>
    </message>
    <message>
        <source>recording is %1 s long, shorter than the model&apos;s 10 s window; the rest is padded</source>
        <translation>Aufzeichnung ist %1 s lang, kürzer als das 10-s-Fenster des Modells; der Rest wird aufgefüllt</translation>
    </message>
    <message>
        <source>recording is %1 min long: the model was validated on 10 s resting ECGs only; on Holter records (MIT-BIH, see the model card) most windows are flagged even without annotated events — compare windows on the probability track</source>
        <translation>Aufzeichnung ist %1 min lang: das Modell wurde nur an 10-s-Ruhe-EKGs validiert; bei Holter-Aufzeichnungen (MIT-BIH, siehe Modellbeschreibung) werden die meisten Fenster auch ohne annotierte Ereignisse markiert — Fenster im Wahrscheinlichkeitsverlauf vergleichen</translation>
    </message>
    <message>
        <source>lead %1 is flat (%2 mV range) — electrode off or lead not connected?</source>
        <translation>Ableitung %1 ist flach (Spannweite %2 mV) — Elektrode gelöst oder Ableitung nicht angeschlossen?</translation>
    </message>
    <message>
        <source>lead %1 is very noisy (%2 mV median sample-to-sample change) — check the electrode</source>
        <translation>Ableitung %1 ist stark verrauscht (Median der Änderung von Abtastwert zu Abtastwert %2 mV) — Elektrode prüfen</translation>
    </message>
    <message>
        <source>lead %1: %2 % of samples are invalid</source>
        <translation>Ableitung %1: %2 % der Abtastwerte sind ungültig</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of the 12 leads the model was trained on; it is not analysed</source>
        <translation>„%1“ ist keine der 12 Ableitungen, mit denen das Modell trainiert wurde; sie wird nicht analysiert</translation>
    </message>
    <message>
        <source>heart rate %1 bpm</source>
        <translation>Herzfrequenz %1/min</translation>
    </message>
    <message>
        <source>PR %1 ms</source>
        <translation>PR %1 ms</translation>
    </message>
    <message>
        <source>QRS %1 ms</source>
        <translation>QRS %1 ms</translation>
    </message>
    <message>
        <source>QTc %1 ms (%2)</source>
        <translation>QTc %1 ms (%2)</translation>
    </message>
    <message>
        <source>recording %1 s</source>
        <translation>Aufzeichnung %1 s</translation>
    </message>
    <message>
        <source>rhythm finding: %1</source>
        <translation>Rhythmusbefund: %1</translation>
    </message>
    <message>
        <source>rhythm finding: sinus rhythm</source>
        <translation>Rhythmusbefund: Sinusrhythmus</translation>
    </message>
    <message>
        <source>rhythm finding: sinus bradycardia</source>
        <translation>Rhythmusbefund: Sinusbradykardie</translation>
    </message>
    <message>
        <source>rhythm finding: sinus tachycardia</source>
        <translation>Rhythmusbefund: Sinustachykardie</translation>
    </message>
    <message>
        <source>rhythm finding: bradycardia, P waves not identified</source>
        <translation>Rhythmusbefund: Bradykardie, P-Wellen nicht identifiziert</translation>
    </message>
    <message>
        <source>rhythm finding: tachycardia, P waves not identified</source>
        <translation>Rhythmusbefund: Tachykardie, P-Wellen nicht identifiziert</translation>
    </message>
    <message>
        <source>rhythm finding: P waves not identified</source>
        <translation>Rhythmusbefund: P-Wellen nicht identifiziert</translation>
    </message>
    <message>
        <source>rhythm finding: irregular rhythm without P waves</source>
        <translation>Rhythmusbefund: unregelmäßiger Rhythmus ohne P-Wellen</translation>
    </message>
    <message>
        <source>rhythm finding: pause</source>
        <translation>Rhythmusbefund: Pause</translation>
    </message>
    <message>
        <source>rhythm finding: premature ventricular / wide-QRS beats</source>
        <translation>Rhythmusbefund: vorzeitige ventrikuläre Schläge / Schläge mit breitem QRS</translation>
    </message>
    <message>
        <source>rhythm finding: premature narrow beats</source>
        <translation>Rhythmusbefund: vorzeitige schmale Schläge</translation>
    </message>
    <message>
        <source>no detector verdict</source>
        <translation>keine Einstufung durch den Detektor</translation>
    </message>
    <message>
        <source>detector verdict normal (probability of abnormal %1)</source>
        <translation>Detektor: normal (Wahrscheinlichkeit eines abnormalen EKGs %1)</translation>
    </message>
    <message>
        <source>detector verdict borderline (probability of abnormal %1)</source>
        <translation>Detektor: grenzwertig (Wahrscheinlichkeit eines abnormalen EKGs %1)</translation>
    </message>
    <message>
        <source>detector verdict anomalous (probability of abnormal %1)</source>
        <translation>Detektor: auffällig (Wahrscheinlichkeit eines abnormalen EKGs %1)</translation>
    </message>
    <message>
        <source>detector verdict normal</source>
        <translation>Detektor: normal</translation>
    </message>
    <message>
        <source>detector verdict borderline</source>
        <translation>Detektor: grenzwertig</translation>
    </message>
    <message>
        <source>detector verdict anomalous</source>
        <translation>Detektor: auffällig</translation>
    </message>
    <message>
        <source>age %1</source>
        <translation>Alter %1</translation>
    </message>
    <message>
        <source>age not recorded</source>
        <translation>Alter nicht erfasst</translation>
    </message>
    <message>
        <source>man, age %1</source>
        <translation>Mann, Alter %1</translation>
    </message>
    <message>
        <source>man, age not recorded</source>
        <translation>Mann, Alter nicht erfasst</translation>
    </message>
    <message>
        <source>woman, age %1</source>
        <translation>Frau, Alter %1</translation>
    </message>
    <message>
        <source>woman, age not recorded</source>
        <translation>Frau, Alter nicht erfasst</translation>
    </message>
    <message>
        <source>sex not recorded, age %1</source>
        <translation>Geschlecht nicht erfasst, Alter %1</translation>
    </message>
    <message>
        <source>sex not recorded, age not recorded</source>
        <translation>Geschlecht nicht erfasst, Alter nicht erfasst</translation>
    </message>
    <message>
        <source>The start date/time fields (%1, %2) are not dd.mm.yy / hh.mm.ss; start time unknown.</source>
        <translation>Die Felder für Startdatum und Startzeit (%1, %2) haben nicht das Format tt.mm.jj / hh.mm.ss; Startzeit unbekannt.</translation>
    </message>
    <message>
        <source>The EDF+ recording field says Startdate %1 but the start date field says %2; using the start date field.</source>
        <translation>Das EDF+-Aufzeichnungsfeld nennt Startdate %1, das Startdatumsfeld aber %2; das Startdatumsfeld wird verwendet.</translation>
    </message>
    <message>
        <source>The header-size field says %1 bytes but %2 signals make %3; using %3.</source>
        <translation>Das Feld für die Header-Größe nennt %1 Byte, %2 Signale ergeben aber %3; %3 wird verwendet.</translation>
    </message>
    <message>
        <source>The number of data records is -1 (unknown); %1 complete records found in the file.</source>
        <translation>Die Anzahl der Datensätze ist -1 (unbekannt); %1 vollständige Datensätze in der Datei gefunden.</translation>
    </message>
    <message>
        <source>The header declares %1 data records but the file holds %2 complete ones - file truncated? Reading what is there.</source>
        <translation>Der Header gibt %1 Datensätze an, die Datei enthält aber nur %2 vollständige — Datei abgeschnitten? Das Vorhandene wird gelesen.</translation>
    </message>
    <message>
        <source>%1 bytes after the last declared data record were ignored.</source>
        <translation>%1 Byte nach dem letzten angegebenen Datensatz wurden ignoriert.</translation>
    </message>
    <message>
        <source>The file holds no complete data record.</source>
        <translation>Die Datei enthält keinen vollständigen Datensatz.</translation>
    </message>
    <message>
        <source>EDF+D file without an annotation signal: record times unknown, records placed contiguously.</source>
        <translation>EDF+D-Datei ohne Annotationssignal: Zeitpunkte der Datensätze unbekannt, Datensätze lückenlos aneinandergereiht.</translation>
    </message>
    <message>
        <source>Discontinuous recording: %1 gap(s) totalling %2 s, shown as missing (NaN) samples.</source>
        <translation>Unterbrochene Aufzeichnung: %1 Lücke(n) von insgesamt %2 s, als fehlende Abtastwerte (NaN) dargestellt.</translation>
    </message>
    <message>
        <source>%1 data record(s) start before the previous one ends; placed right after it.</source>
        <translation>Bei %1 Datensatz/Datensätzen liegt der Beginn vor dem Ende des vorherigen; direkt danach angeordnet.</translation>
    </message>
    <message>
        <source>signal %1 has no label; it is shown as &apos;%2&apos;.</source>
        <translation>Signal %1 hat keine Bezeichnung; es wird als „%2“ angezeigt.</translation>
    </message>
    <message>
        <source>The file holds annotations only, no signals.</source>
        <translation>Die Datei enthält nur Annotationen, keine Signale.</translation>
    </message>
    <message>
        <source>%1 malformed EDF+ annotation(s) (TAL) skipped.</source>
        <translation>%1 fehlerhafte EDF+-Annotation(en) (TAL) übersprungen.</translation>
    </message>
    <message>
        <source>%1: %2 samples expected, %3 holds %4 — file truncated?</source>
        <translation>%1: %2 Abtastwerte erwartet, %3 enthält nur %4 — Datei abgeschnitten?</translation>
    </message>
    <message>
        <source>%1: skewed signal(s); the last samples lie beyond the end of %2 and are marked invalid.</source>
        <translation>%1: zeitversetzte Signale (Skew); die letzten Abtastwerte liegen hinter dem Ende von %2 und sind als ungültig markiert.</translation>
    </message>
    <message>
        <source>%1: checksum mismatch (header %2, data %3) — the signal file may be damaged or belong to another record.</source>
        <translation>%1: Prüfsumme stimmt nicht überein (Header %2, Daten %3) — die Signaldatei ist möglicherweise beschädigt oder gehört zu einer anderen Aufzeichnung.</translation>
    </message>
    <message>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>segment %1 (%2 samples) is missing: the recording ends at %3 s.</source>
        <translation>Segment %1 (%2 Abtastwerte) fehlt: Die Aufzeichnung endet bei %3 s.</translation>
    </message>
    <message>
        <source>segment %1: %2</source>
        <translation>Segment %1: %2</translation>
    </message>
    <message>
        <source>segment %1: the master header says %2 samples, the segment holds %3.</source>
        <translation>Segment %1: Der Master-Header nennt %2 Abtastwerte, das Segment enthält %3.</translation>
    </message>
    <message>
        <source>segment %1, %2: gain or baseline differs from the first segment; physical values follow each segment&apos;s own calibration.</source>
        <translation>Segment %1, %2: Verstärkung oder Nullpunkt weicht vom ersten Segment ab; die physikalischen Werte folgen der Kalibrierung des jeweiligen Segments.</translation>
    </message>
    <message>
        <source>PTB-XL: %1 is not listed in %2; age, sex and statements unknown.</source>
        <translation>PTB-XL: %1 ist in %2 nicht aufgeführt; Alter, Geschlecht und Befundaussagen unbekannt.</translation>
    </message>
    <message>
        <source>No header row with lead names; columns are named ch1..ch%1.</source>
        <translation>Keine Kopfzeile mit Ableitungsnamen; die Spalten heißen ch1..ch%1.</translation>
    </message>
    <message>
        <source>%1 cell(s) were empty or not numbers and are shown as gaps (NaN); first at line %2, column %3: %4.</source>
        <translation>%1 Zelle(n) waren leer oder keine Zahlen und werden als Lücken (NaN) dargestellt; erste in Zeile %2, Spalte %3: %4.</translation>
    </message>
    <message>
        <source>%1 row(s) have fewer values than the header (first: line %2 has %3 of %4); the missing values are gaps (NaN).</source>
        <translation>%1 Zeile(n) enthalten weniger Werte als die Kopfzeile (erste: Zeile %2 hat %3 von %4); die fehlenden Werte sind Lücken (NaN).</translation>
    </message>
    <message>
        <source>The time column is not uniformly spaced (line %1: %2 after %3, the usual step is %4); using the given sampling rate.</source>
        <translation>Die Zeitspalte ist nicht gleichabständig (Zeile %1: %2 nach %3, üblicher Schritt %4); die angegebene Abtastrate wird verwendet.</translation>
    </message>
    <message>
        <source>The time column&apos;s average step (%1) differs from its usual step (%2) - samples missing? Using the given sampling rate.</source>
        <translation>Der mittlere Schritt der Zeitspalte (%1) weicht von ihrem üblichen Schritt (%2) ab — fehlen Abtastwerte? Die angegebene Abtastrate wird verwendet.</translation>
    </message>
    <message>
        <source>The time column implies %1 Hz but %2 Hz was given; using %2 Hz.</source>
        <translation>Die Zeitspalte ergibt %1 Hz, angegeben wurden aber %2 Hz; %2 Hz werden verwendet.</translation>
    </message>
    <message>
        <source>The header gives no unit for some columns; assumed mV. Name the unit in the header (e.g. &quot;II (uV)&quot;) or pass it when opening.</source>
        <translation>Die Kopfzeile nennt für einige Spalten keine Einheit; mV angenommen. Die Einheit in der Kopfzeile angeben (z. B. „II (uV)“) oder beim Öffnen übergeben.</translation>
    </message>
    <message>
        <source>%1 samples per lead expected, the file holds %2 — file truncated?</source>
        <translation>%1 Abtastwerte je Ableitung erwartet, die Datei enthält nur %2 — Datei abgeschnitten?</translation>
    </message>
    <message>
        <source>channel definitions are missing for some channels; their amplitudes are shown unscaled.</source>
        <translation>Für einige Kanäle fehlen die Kanaldefinitionen; ihre Amplituden werden unskaliert angezeigt.</translation>
    </message>
    <message>
        <source>%1: unknown amplitude unit &apos;%2&apos;; values shown as stored.</source>
        <translation>%1: unbekannte Amplitudeneinheit „%2“; Werte werden wie gespeichert angezeigt.</translation>
    </message>
    <message>
        <source>%1: a sample skew of %2 ms is declared and not applied.</source>
        <translation>%1: Ein Zeitversatz (Skew) von %2 ms ist angegeben und wird nicht angewendet.</translation>
    </message>
    <message>
        <source>section %1 is said to lie at byte %2 (%3 bytes) but the file has only %4 bytes; section ignored.</source>
        <translation>Abschnitt %1 soll bei Byte %2 liegen (%3 Byte), die Datei hat aber nur %4 Byte; Abschnitt ignoriert.</translation>
    </message>
    <message>
        <source>section %1: the table of contents points to a section header that does not match it (found id %2); section ignored.</source>
        <translation>Abschnitt %1: Das Inhaltsverzeichnis verweist auf einen Abschnitts-Header, der nicht dazu passt (gefundene ID %2); Abschnitt ignoriert.</translation>
    </message>
    <message>
        <source>section %1: checksum (CRC) mismatch — the section may be damaged.</source>
        <translation>Abschnitt %1: Prüfsumme (CRC) stimmt nicht überein — der Abschnitt ist möglicherweise beschädigt.</translation>
    </message>
    <message>
        <source>section 1 (patient data): field %1 runs past the end of the section; the rest is ignored.</source>
        <translation>Abschnitt 1 (Patientendaten): Feld %1 reicht über das Ende des Abschnitts hinaus; der Rest wird ignoriert.</translation>
    </message>
    <message>
        <source>section 8 (interpretation): statement %1 runs past the section end.</source>
        <translation>Abschnitt 8 (Interpretation): Befundaussage %1 reicht über das Abschnittsende hinaus.</translation>
    </message>
    <message>
        <source>section 11 (universal statements): statement %1 runs past the section end.</source>
        <translation>Abschnitt 11 (universelle Befundaussagen): Befundaussage %1 reicht über das Abschnittsende hinaus.</translation>
    </message>
    <message>
        <source>the file is %1 bytes but declares %2 — file truncated?</source>
        <translation>Die Datei hat %1 Byte, gibt aber %2 an — Datei abgeschnitten?</translation>
    </message>
    <message>
        <source>the file has %1 bytes after the declared end of the record; they are ignored.</source>
        <translation>Die Datei hat %1 Byte nach dem angegebenen Ende der Aufzeichnung; sie werden ignoriert.</translation>
    </message>
    <message>
        <source>file checksum (CRC) mismatch — the file may be damaged.</source>
        <translation>Prüfsumme (CRC) der Datei stimmt nicht überein — die Datei ist möglicherweise beschädigt.</translation>
    </message>
    <message>
        <source>%1 starts at sample %2, lead 1 at sample %3; the leads are shown from their first samples and are not aligned in time.</source>
        <translation>%1 beginnt bei Abtastwert %2, Ableitung 1 bei Abtastwert %3; die Ableitungen werden ab ihrem ersten Abtastwert angezeigt und sind zeitlich nicht ausgerichtet.</translation>
    </message>
    <message>
        <source>section 4 lists %1 QRS complexes but holds fewer.</source>
        <translation>Abschnitt 4 nennt %1 QRS-Komplexe, enthält aber weniger.</translation>
    </message>
    <message>
        <source>the file says reference beats were subtracted, but section 4 or 5 is missing: the rhythm shown is the residual, not the full ECG.</source>
        <translation>Laut Datei wurden Referenzschläge subtrahiert, aber Abschnitt 4 oder 5 fehlt: Der angezeigte Rhythmus ist das Residuum, nicht das vollständige EKG.</translation>
    </message>
    <message>
        <source>section 5 has a zero sampling interval; the rhythm shown is the residual, not the full ECG.</source>
        <translation>Abschnitt 5 hat ein Abtastintervall von null; der angezeigte Rhythmus ist das Residuum, nicht das vollständige EKG.</translation>
    </message>
    <message>
        <source>section 5, lead %1: %2.</source>
        <translation>Abschnitt 5, Ableitung %1: %2.</translation>
    </message>
    <message>
        <source>%1: %2; samples after that point are missing.</source>
        <translation>%1: %2; die Abtastwerte ab dieser Stelle fehlen.</translation>
    </message>
    <message>
        <source>%1: %2 samples expected, the file holds %3 — file truncated? Missing samples are blank.</source>
        <translation>%1: %2 Abtastwerte erwartet, die Datei enthält nur %3 — Datei abgeschnitten? Fehlende Abtastwerte bleiben leer.</translation>
    </message>
    <message>
        <source>%1: value type &apos;%2&apos; is not a sampled list; lead skipped.</source>
        <translation>%1: Werttyp „%2“ ist keine Liste von Abtastwerten; Ableitung übersprungen.</translation>
    </message>
    <message>
        <source>%1: the scale has no unit; microvolts assumed.</source>
        <translation>%1: Die Skala hat keine Einheit; Mikrovolt angenommen.</translation>
    </message>
    <message>
        <source>a lead sequence has no lead code; it is shown as &apos;%1&apos;.</source>
        <translation>Eine Ableitungssequenz hat keinen Ableitungscode; sie wird als „%1“ angezeigt.</translation>
    </message>
    <message>
        <source>%1: %2 values are not numbers; shown as gaps.</source>
        <translation>%1: %2 Werte sind keine Zahlen; als Lücken dargestellt.</translation>
    </message>
    <message>
        <source>%1: the sequence holds no samples; lead skipped.</source>
        <translation>%1: Die Sequenz enthält keine Abtastwerte; Ableitung übersprungen.</translation>
    </message>
    <message>
        <source>the file reports an age of %1 years, but the birth date and recording date give %2; the latter is used.</source>
        <translation>Die Datei gibt ein Alter von %1 Jahren an, Geburts- und Aufnahmedatum ergeben aber %2; Letzteres wird verwendet.</translation>
    </message>
    <message>
        <source>%1: %2 samples, other leads have %3.</source>
        <translation>%1: %2 Abtastwerte, andere Ableitungen haben %3.</translation>
    </message>
    <message>
        <source>ST elevation at J: %1 (thresholds %2 mV in V2 and V3, %3 mV in other leads)</source>
        <translation>ST-Hebung am J-Punkt: %1 (Grenzen %2 mV in V2 und V3, %3 mV in den übrigen Ableitungen)</translation>
    </message>
    <message>
        <source>ST depression at J: %1 (at least %2 mV at J and J+60 ms, horizontal or downsloping)</source>
        <translation>ST-Senkung am J-Punkt: %1 (mindestens %2 mV am J-Punkt und bei J+60 ms, horizontal oder deszendierend)</translation>
    </message>
    <message>
        <source>also met on the ECG compared with (%1)</source>
        <translation>auch im Vergleichs-EKG erfüllt (%1)</translation>
    </message>
    <message>
        <source>not met on the ECG compared with</source>
        <translation>im Vergleichs-EKG nicht erfüllt</translation>
    </message>
    <message>
        <source>the file gives the patient&apos;s age as %1 years, which cannot be right (0-150 years); age unknown.</source>
        <translation>Die Datei gibt das Alter des Patienten mit %1 Jahren an, was nicht stimmen kann (0–150 Jahre); Alter unbekannt.</translation>
    </message>
    <message>
        <source>%1 reaches %2 mV, far beyond any ECG: its calibration (gain or unit) is probably wrong; shown as stored.</source>
        <translation>%1 erreicht %2 mV, weit jenseits jedes EKGs: Die Kalibrierung (Verstärkung oder Einheit) ist vermutlich falsch; wie gespeichert dargestellt.</translation>
    </message>
    <message>
        <source>the file declares the character set %1 for its text, which ECG Lens does not decode; names and text are read as UTF-8 or ISO 8859-1, so other letters may be wrong.</source>
        <translation>Die Datei gibt für ihren Text den Zeichensatz %1 an, den ECG Lens nicht dekodiert; Namen und Text werden als UTF-8 oder ISO 8859-1 gelesen, andere Buchstaben können daher falsch erscheinen.</translation>
    </message>
    <message>
        <source>No file name given.</source>
        <translation>Kein Dateiname angegeben.</translation>
    </message>
    <message>
        <source>%1: is a folder, not a recording.</source>
        <translation>%1: ist ein Ordner, keine Aufzeichnung.</translation>
    </message>
    <message>
        <source>%1: no such file.</source>
        <translation>%1: Datei nicht gefunden.</translation>
    </message>
    <message>
        <source>%1: the file is empty.</source>
        <translation>%1: die Datei ist leer.</translation>
    </message>
    <message>
        <source>%1: unrecognised file format (supported: WFDB .hea/.dat, EDF/EDF+/BDF, CSV/text, SCP-ECG, HL7 aECG XML, DICOM ECG waveform).</source>
        <translation>%1: Dateiformat nicht erkannt (unterstützt: WFDB .hea/.dat, EDF/EDF+/BDF, CSV/Text, SCP-ECG, HL7 aECG XML, DICOM-EKG-Kurve).</translation>
    </message>
    <message>
        <source>%1: not enough memory to load this recording.</source>
        <translation>%1: nicht genug Arbeitsspeicher, um diese Aufzeichnung zu laden.</translation>
    </message>
    <message>
        <source>%1: unexpected error while reading.</source>
        <translation>%1: unerwarteter Fehler beim Lesen.</translation>
    </message>
    <message>
        <source>%1: lead %2 is sampled at %3 Hz, outside what ECG Lens reads (%4-%5 Hz); the header is probably damaged.</source>
        <translation>%1: Ableitung %2 ist mit %3 Hz abgetastet, außerhalb dessen, was ECG Lens liest (%4–%5 Hz); der Header ist wahrscheinlich beschädigt.</translation>
    </message>
    <message>
        <source>%1: cannot open the WFDB header.</source>
        <translation>%1: Der WFDB-Header lässt sich nicht öffnen.</translation>
    </message>
    <message>
        <source>%1: too large to be a WFDB header.</source>
        <translation>%1: zu groß für einen WFDB-Header.</translation>
    </message>
    <message>
        <source>%1: empty WFDB header (no record line).</source>
        <translation>%1: leerer WFDB-Header (keine Record-Zeile).</translation>
    </message>
    <message>
        <source>%1: not a WFDB header (binary data).</source>
        <translation>%1: kein WFDB-Header (Binärdaten).</translation>
    </message>
    <message>
        <source>%1: record line %2: expected a record name and a number of signals</source>
        <translation>%1: Record-Zeile %2: Name der Aufzeichnung und Anzahl der Signale erwartet</translation>
    </message>
    <message>
        <source>%1: record line %2: invalid number of segments</source>
        <translation>%1: Record-Zeile %2: ungültige Anzahl von Segmenten</translation>
    </message>
    <message>
        <source>%1: record line %2: invalid number of signals %3</source>
        <translation>%1: Record-Zeile %2: ungültige Anzahl von Signalen %3</translation>
    </message>
    <message>
        <source>%1: record line %2: invalid sampling frequency %3</source>
        <translation>%1: Record-Zeile %2: ungültige Abtastfrequenz %3</translation>
    </message>
    <message>
        <source>%1: record line %2: sampling frequency must be positive (got %3 Hz)</source>
        <translation>%1: Record-Zeile %2: Die Abtastfrequenz muss positiv sein (angegeben: %3 Hz)</translation>
    </message>
    <message>
        <source>%1: record line %2: invalid number of samples %3</source>
        <translation>%1: Record-Zeile %2: ungültige Anzahl von Abtastwerten %3</translation>
    </message>
    <message>
        <source>%1: signal line %2: expected a file name and a storage format</source>
        <translation>%1: Signalzeile %2: Dateiname und Speicherformat erwartet</translation>
    </message>
    <message>
        <source>%1: signal line %2: invalid storage format %3</source>
        <translation>%1: Signalzeile %2: ungültiges Speicherformat %3</translation>
    </message>
    <message>
        <source>%1: signal line %2: invalid gain %3</source>
        <translation>%1: Signalzeile %2: ungültige Verstärkung %3</translation>
    </message>
    <message>
        <source>%1: signal line %2: invalid ADC resolution %3</source>
        <translation>%1: Signalzeile %2: ungültige ADC-Auflösung %3</translation>
    </message>
    <message>
        <source>%1: signal line %2: invalid ADC zero %3</source>
        <translation>%1: Signalzeile %2: ungültiger ADC-Nullpunkt %3</translation>
    </message>
    <message>
        <source>%1: signal line %2: invalid initial value %3</source>
        <translation>%1: Signalzeile %2: ungültiger Anfangswert %3</translation>
    </message>
    <message>
        <source>%1: signal line %2: invalid checksum %3</source>
        <translation>%1: Signalzeile %2: ungültige Prüfsumme %3</translation>
    </message>
    <message>
        <source>%1: signal line %2: invalid block size %3</source>
        <translation>%1: Signalzeile %2: ungültige Blockgröße %3</translation>
    </message>
    <message>
        <source>%1: segment line %2: expected a record name and a length</source>
        <translation>%1: Segmentzeile %2: Name der Aufzeichnung und Länge erwartet</translation>
    </message>
    <message>
        <source>%1: the record line announces %2 segments, the header lists %3.</source>
        <translation>%1: Die Record-Zeile kündigt %2 Segmente an, der Header führt %3 auf.</translation>
    </message>
    <message>
        <source>%1: the record line announces %2 signals, the header describes %3.</source>
        <translation>%1: Die Record-Zeile kündigt %2 Signale an, der Header beschreibt %3.</translation>
    </message>
    <message>
        <source>%1: %2 samples per frame is not a plausible recording.</source>
        <translation>%1: %2 Abtastwerte pro Frame sind keine plausible Aufzeichnung.</translation>
    </message>
    <message>
        <source>%1: %2 uses storage format %3, which is not a WFDB format (known: 8, 16, 24, 32, 61, 80, 160, 212, 310, 311, 508, 516, 524).</source>
        <translation>%1: %2 verwendet das Speicherformat %3, das kein WFDB-Format ist (bekannt: 8, 16, 24, 32, 61, 80, 160, 212, 310, 311, 508, 516, 524).</translation>
    </message>
    <message>
        <source>%1: signals in %2 declare different storage formats (%3 and %4).</source>
        <translation>%1: Die Signale in %2 geben verschiedene Speicherformate an (%3 und %4).</translation>
    </message>
    <message>
        <source>%1: signal file %2 not found (it holds %3).</source>
        <translation>%1: Signaldatei %2 nicht gefunden (sie enthält %3).</translation>
    </message>
    <message>
        <source>%1: the header declares %2 samples per signal (%3 signals), more than this program accepts (%4 samples in all).</source>
        <translation>%1: Der Header gibt %2 Abtastwerte pro Signal an (%3 Signale), mehr als dieses Programm annimmt (%4 Abtastwerte insgesamt).</translation>
    </message>
    <message>
        <source>%1: the header declares %2 samples per signal, more than this program accepts (%3 samples in all).</source>
        <translation>%1: Der Header gibt %2 Abtastwerte pro Signal an, mehr als dieses Programm annimmt (%3 Abtastwerte insgesamt).</translation>
    </message>
    <message>
        <source>%1: %2 holds no samples (%3: %4 samples expected) — file empty or truncated?</source>
        <translation>%1: %2 enthält keine Abtastwerte (%3: %4 Abtastwerte erwartet) — Datei leer oder abgeschnitten?</translation>
    </message>
    <message>
        <source>%1: a segment may not itself be a multi-segment record.</source>
        <translation>%1: Ein Segment darf nicht selbst eine Mehrsegment-Aufzeichnung sein.</translation>
    </message>
    <message>
        <source>%1: cannot open the signal file.</source>
        <translation>%1: Die Signaldatei lässt sich nicht öffnen.</translation>
    </message>
    <message>
        <source>%1: cannot seek to byte offset %2.</source>
        <translation>%1: Byte-Offset %2 nicht erreichbar.</translation>
    </message>
    <message>
        <source>%1: FLAC signal files hold at most 8 signals, the header puts %2 in it.</source>
        <translation>%1: FLAC-Signaldateien enthalten höchstens 8 Signale, der Header legt %2 hinein.</translation>
    </message>
    <message>
        <source>%1: signals of one FLAC file must share samples-per-frame.</source>
        <translation>%1: Die Signale einer FLAC-Datei müssen dieselbe Zahl von Abtastwerten pro Frame haben.</translation>
    </message>
    <message>
        <source>%1: cannot open the FLAC signal file (%2).</source>
        <translation>%1: Die FLAC-Signaldatei lässt sich nicht öffnen (%2).</translation>
    </message>
    <message>
        <source>%1: the FLAC stream has %2 channels, the header describes %3 signals.</source>
        <translation>%1: Der FLAC-Datenstrom hat %2 Kanäle, der Header beschreibt %3 Signale.</translation>
    </message>
    <message>
        <source>%1: FLAC data error (%2).</source>
        <translation>%1: FLAC-Datenfehler (%2).</translation>
    </message>
    <message>
        <source>%1: cannot read the file (%2).</source>
        <translation>%1: Die Datei lässt sich nicht lesen (%2).</translation>
    </message>
    <message>
        <source>%1: cannot open the file.</source>
        <translation>%1: Die Datei lässt sich nicht öffnen.</translation>
    </message>
    <message>
        <source>%1: the header is shorter than 256 bytes - not an EDF file, or truncated.</source>
        <translation>%1: Der Header ist kürzer als 256 Byte – keine EDF-Datei oder abgeschnitten.</translation>
    </message>
    <message>
        <source>%1: the version field is %2, expected &quot;0&quot; (EDF) or 0xFF&quot;BIOSEMI&quot; (BDF) - not an EDF/BDF file.</source>
        <translation>%1: Das Versionsfeld lautet %2, erwartet &quot;0&quot; (EDF) oder 0xFF&quot;BIOSEMI&quot; (BDF) – keine EDF/BDF-Datei.</translation>
    </message>
    <message>
        <source>%1: the number of data records %2 is not a count.</source>
        <translation>%1: Die Anzahl der Datensätze %2 ist keine Anzahl.</translation>
    </message>
    <message>
        <source>%1: the data record duration %2 is not a non-negative number of seconds.</source>
        <translation>%1: Die Datensatzdauer %2 ist keine nichtnegative Anzahl Sekunden.</translation>
    </message>
    <message>
        <source>%1: the number of signals %2 is not 1-4096.</source>
        <translation>%1: Die Anzahl der Signale %2 liegt nicht zwischen 1 und 4096.</translation>
    </message>
    <message>
        <source>%1: the header declares %2 signals, which needs %3 header bytes, but the file has only %4 bytes - file truncated?</source>
        <translation>%1: Der Header gibt %2 Signale an, die %3 Header-Bytes brauchen, aber die Datei hat nur %4 Byte – Datei abgeschnitten?</translation>
    </message>
    <message>
        <source>%1: could not read the signal headers.</source>
        <translation>%1: Die Signal-Header ließen sich nicht lesen.</translation>
    </message>
    <message>
        <source>%1: signal %2 (%3): the physical minimum %4 is not a number.</source>
        <translation>%1: Signal %2 (%3): Das physikalische Minimum %4 ist keine Zahl.</translation>
    </message>
    <message>
        <source>%1: signal %2 (%3): the physical maximum %4 is not a number.</source>
        <translation>%1: Signal %2 (%3): Das physikalische Maximum %4 ist keine Zahl.</translation>
    </message>
    <message>
        <source>%1: signal %2 (%3): the digital minimum %4 is not a number.</source>
        <translation>%1: Signal %2 (%3): Das digitale Minimum %4 ist keine Zahl.</translation>
    </message>
    <message>
        <source>%1: signal %2 (%3): the digital maximum %4 is not a number.</source>
        <translation>%1: Signal %2 (%3): Das digitale Maximum %4 ist keine Zahl.</translation>
    </message>
    <message>
        <source>%1: signal %2 (%3): the number of samples per record %4 is not a positive count.</source>
        <translation>%1: Signal %2 (%3): Die Anzahl der Abtastwerte pro Datensatz %4 ist keine positive Anzahl.</translation>
    </message>
    <message>
        <source>%1: the data record duration is 0 s but the file has signals; cannot derive a sampling rate.</source>
        <translation>%1: Die Datensatzdauer ist 0 s, die Datei enthält aber Signale; keine Abtastrate ableitbar.</translation>
    </message>
    <message>
        <source>%1: signal %2 (%3): digital maximum %4 is not above digital minimum %5; the values cannot be scaled.</source>
        <translation>%1: Signal %2 (%3): Das digitale Maximum %4 liegt nicht über dem digitalen Minimum %5; die Werte lassen sich nicht skalieren.</translation>
    </message>
    <message>
        <source>%1: signal %2 (%3): physical minimum and maximum are both %4; the values cannot be scaled.</source>
        <translation>%1: Signal %2 (%3): Physikalisches Minimum und Maximum sind beide %4; die Werte lassen sich nicht skalieren.</translation>
    </message>
    <message>
        <source>%1: the header declares %2 data records = %3 samples, more than the limit of %4 - header corrupt?</source>
        <translation>%1: Der Header gibt %2 Datensätze = %3 Abtastwerte an, mehr als die Grenze von %4 – Header beschädigt?</translation>
    </message>
    <message>
        <source>%1: the file holds %2 samples, more than the limit of %3.</source>
        <translation>%1: Die Datei enthält %2 Abtastwerte, mehr als die Grenze von %3.</translation>
    </message>
    <message>
        <source>%1: could not read data record %2.</source>
        <translation>%1: Datensatz %2 ließ sich nicht lesen.</translation>
    </message>
    <message>
        <source>%1: could not read data records %2-%3.</source>
        <translation>%1: Die Datensätze %2–%3 ließen sich nicht lesen.</translation>
    </message>
    <message>
        <source>%1: the record times span %2 s for %3 s of data - corrupt EDF+ record times?</source>
        <translation>%1: Die Datensatzzeiten umfassen %2 s für %3 s Daten – EDF+-Datensatzzeiten beschädigt?</translation>
    </message>
    <message>
        <source>%1: the record times span %2 s = %3 samples, more than the limit of %4 - corrupt record times?</source>
        <translation>%1: Die Datensatzzeiten umfassen %2 s = %3 Abtastwerte, mehr als die Grenze von %4 – Datensatzzeiten beschädigt?</translation>
    </message>
    <message>
        <source>%1: the file is too large to load as text (%2 bytes).</source>
        <translation>%1: Die Datei ist zu groß, um als Text geladen zu werden (%2 Byte).</translation>
    </message>
    <message>
        <source>%1: the file contains binary data (NUL bytes); it is not a text/CSV recording.</source>
        <translation>%1: Die Datei enthält Binärdaten (NUL-Bytes); sie ist keine Text-/CSV-Aufzeichnung.</translation>
    </message>
    <message>
        <source>%1: the file holds no text lines.</source>
        <translation>%1: Die Datei enthält keine Textzeilen.</translation>
    </message>
    <message>
        <source>%1: the header row names no columns.</source>
        <translation>%1: Die Kopfzeile benennt keine Spalten.</translation>
    </message>
    <message>
        <source>%1: the file holds a header row but no data rows.</source>
        <translation>%1: Die Datei enthält eine Kopfzeile, aber keine Datenzeilen.</translation>
    </message>
    <message>
        <source>%1: the file has a time column but no signal columns.</source>
        <translation>%1: Die Datei hat eine Zeitspalte, aber keine Signalspalten.</translation>
    </message>
    <message>
        <source>%1: %2 rows x %3 columns exceed the sample limit of %4.</source>
        <translation>%1: %2 Zeilen × %3 Spalten überschreiten die Grenze von %4 Abtastwerten.</translation>
    </message>
    <message>
        <source>%1: line %2 has %3 values but the header names %4 columns.</source>
        <translation>%1: Zeile %2 hat %3 Werte, die Kopfzeile benennt aber %4 Spalten.</translation>
    </message>
    <message>
        <source>%1: line %2: the time column has no number.</source>
        <translation>%1: Zeile %2: Die Zeitspalte enthält keine Zahl.</translation>
    </message>
    <message>
        <source>%1: the time column (%2) does not increase.</source>
        <translation>%1: Die Zeitspalte (%2) steigt nicht an.</translation>
    </message>
    <message>
        <source>%1: the time column is not uniformly spaced (line %2: %3 after %4, the usual step is %5); resample the data or give the sampling rate explicitly.</source>
        <translation>%1: Die Zeitspalte ist nicht gleichmäßig (Zeile %2: %3 nach %4, der übliche Schritt ist %5); die Daten neu abtasten oder die Abtastrate ausdrücklich angeben.</translation>
    </message>
    <message>
        <source>%1: the time column&apos;s average step (%2) differs from its usual step (%3) - samples missing? Resample the data or give the sampling rate explicitly.</source>
        <translation>%1: Der mittlere Schritt der Zeitspalte (%2) weicht vom üblichen Schritt (%3) ab – fehlen Abtastwerte? Die Daten neu abtasten oder die Abtastrate ausdrücklich angeben.</translation>
    </message>
    <message>
        <source>%1: the given sampling rate %2 Hz is not positive.</source>
        <translation>%1: Die angegebene Abtastrate %2 Hz ist nicht positiv.</translation>
    </message>
    <message>
        <source>%1: no sampling rate: the file has no time column and none was given. Add a time column (e.g. &quot;time_s&quot; or &quot;time_ms&quot;) or give the sampling rate when opening (fsHz option).</source>
        <translation>%1: keine Abtastrate: Die Datei hat keine Zeitspalte, und es wurde keine angegeben. Eine Zeitspalte ergänzen (z. B. &quot;time_s&quot; oder &quot;time_ms&quot;) oder die Abtastrate beim Öffnen angeben (Option fsHz).</translation>
    </message>
    <message>
        <source>%1: unknown unit %2 (use mV, uV or V).</source>
        <translation>%1: unbekannte Einheit %2 (mV, uV oder V verwenden).</translation>
    </message>
    <message>
        <source>%1: the file could not be read completely.</source>
        <translation>%1: Die Datei ließ sich nicht vollständig lesen.</translation>
    </message>
    <message>
        <source>%1: %2 MB is far larger than any ECG of this format; refusing to load it.</source>
        <translation>%1: %2 MB sind weit größer als jedes EKG dieses Formats; die Datei wird nicht geladen.</translation>
    </message>
    <message>
        <source>%1: sequences are nested deeper than any ECG needs — file damaged?</source>
        <translation>%1: Sequenzen sind tiefer verschachtelt, als ein EKG es braucht — Datei beschädigt?</translation>
    </message>
    <message>
        <source>%1: the data set ends in the middle of an element — file truncated?</source>
        <translation>%1: Der Datensatz endet mitten in einem Element — Datei abgeschnitten?</translation>
    </message>
    <message>
        <source>%1: element %2 claims %3 bytes but only %4 remain — file truncated or damaged?</source>
        <translation>%1: Element %2 gibt %3 Byte an, es bleiben aber nur %4 — Datei abgeschnitten oder beschädigt?</translation>
    </message>
    <message>
        <source>%1: more elements than any ECG holds — file damaged?</source>
        <translation>%1: mehr Elemente, als ein EKG enthält — Datei beschädigt?</translation>
    </message>
    <message>
        <source>%1: a sequence item has no end marker — file truncated?</source>
        <translation>%1: Ein Sequenz-Item hat keine Endmarke — Datei abgeschnitten?</translation>
    </message>
    <message>
        <source>%1: a sequence ends in the middle of an item — file truncated?</source>
        <translation>%1: Eine Sequenz endet mitten in einem Item — Datei abgeschnitten?</translation>
    </message>
    <message>
        <source>%1: sequence %2 holds something that is not an item — file damaged?</source>
        <translation>%1: Sequenz %2 enthält etwas, das kein Item ist — Datei beschädigt?</translation>
    </message>
    <message>
        <source>%1: an item of %2 claims %3 bytes but only %4 remain — file truncated?</source>
        <translation>%1: Ein Item von %2 gibt %3 Byte an, es bleiben aber nur %4 — Datei abgeschnitten?</translation>
    </message>
    <message>
        <source>%1: sequence %2 has no end marker — file truncated?</source>
        <translation>%1: Sequenz %2 hat keine Endmarke — Datei abgeschnitten?</translation>
    </message>
    <message>
        <source>%1: the DICOM file meta information is damaged — file truncated?</source>
        <translation>%1: Die DICOM-Dateimetainformation ist beschädigt — Datei abgeschnitten?</translation>
    </message>
    <message>
        <source>%1: uses DICOM transfer syntax %2; only uncompressed little endian (1.2.840.10008.1.2 and 1.2.840.10008.1.2.1) is supported. Convert it, e.g. with DCMTK&apos;s dcmconv +ti.</source>
        <translation>%1: verwendet die DICOM-Transfersyntax %2; unterstützt wird nur unkomprimiertes Little Endian (1.2.840.10008.1.2 und 1.2.840.10008.1.2.1). Bitte umwandeln, z. B. mit dcmconv +ti aus DCMTK.</translation>
    </message>
    <message>
        <source>%1: names no DICOM transfer syntax; only uncompressed little endian (1.2.840.10008.1.2 and 1.2.840.10008.1.2.1) is supported. Convert it, e.g. with DCMTK&apos;s dcmconv +ti.</source>
        <translation>%1: nennt keine DICOM-Transfersyntax; unterstützt wird nur unkomprimiertes Little Endian (1.2.840.10008.1.2 und 1.2.840.10008.1.2.1). Bitte umwandeln, z. B. mit dcmconv +ti aus DCMTK.</translation>
    </message>
    <message>
        <source>%1: a DICOM file, but it holds no waveform (no Waveform Sequence 5400,0100) — is it an image rather than an ECG?</source>
        <translation>%1: eine DICOM-Datei, aber ohne Kurve (keine Waveform Sequence 5400,0100) — eher ein Bild als ein EKG?</translation>
    </message>
    <message>
        <source>%1: the waveform declares %2 channels and %3 samples.</source>
        <translation>%1: Die Kurve gibt %2 Kanäle und %3 Abtastwerte an.</translation>
    </message>
    <message>
        <source>%1: the waveform has no valid sampling frequency (003A,001A).</source>
        <translation>%1: Die Kurve hat keine gültige Abtastfrequenz (003A,001A).</translation>
    </message>
    <message>
        <source>%1: the waveform has no Waveform Data (5400,1010).</source>
        <translation>%1: Die Kurve hat keine Waveform Data (5400,1010).</translation>
    </message>
    <message>
        <source>%1: waveform sample interpretation %2 (e.g. mu-law/A-law) is not supported.</source>
        <translation>%1: Die Abtastwert-Interpretation %2 (z. B. mu-law/A-law) wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>%1: %2 bits per waveform sample is not supported.</source>
        <translation>%1: %2 Bit pro Abtastwert werden nicht unterstützt.</translation>
    </message>
    <message>
        <source>%1: the waveform data (%2 bytes) do not hold one frame of %3 channels — file damaged?</source>
        <translation>%1: Die Kurvendaten (%2 Byte) enthalten nicht einmal einen Frame mit %3 Kanälen — Datei beschädigt?</translation>
    </message>
    <message>
        <source>%1: holds more samples than the limit.</source>
        <translation>%1: enthält mehr Abtastwerte als die Grenze erlaubt.</translation>
    </message>
    <message>
        <source>%1: %2 has a zero channel sensitivity.</source>
        <translation>%1: %2 hat eine Kanalempfindlichkeit von null.</translation>
    </message>
    <message>
        <source>section 5 (reference beats) is too short for its header; the rhythm shown is the residual, not the full ECG.</source>
        <translation>Abschnitt 5 (Referenzschläge) ist zu kurz für seinen Header; der gezeigte Rhythmus ist das Residuum, nicht das vollständige EKG.</translation>
    </message>
    <message>
        <source>section 5 (reference beats): lead %1 data (%2 bytes) run past the end of the section — file truncated? The rhythm shown is the residual, not the full ECG.</source>
        <translation>Abschnitt 5 (Referenzschläge): Die Daten von Ableitung %1 (%2 Byte) reichen über das Abschnittsende hinaus — Datei abgeschnitten? Der gezeigte Rhythmus ist das Residuum, nicht das vollständige EKG.</translation>
    </message>
    <message>
        <source>section 5 (reference beats): unknown difference encoding %1; the rhythm shown is the residual, not the full ECG.</source>
        <translation>Abschnitt 5 (Referenzschläge): unbekannte Differenzkodierung %1; der gezeigte Rhythmus ist das Residuum, nicht das vollständige EKG.</translation>
    </message>
    <message>
        <source>%1: too short to be an SCP-ECG file (%2 bytes) — file truncated?</source>
        <translation>%1: zu kurz für eine SCP-ECG-Datei (%2 Byte) — Datei abgeschnitten?</translation>
    </message>
    <message>
        <source>%1: not a readable SCP-ECG file (section 0, the table of contents, is missing or damaged).</source>
        <translation>%1: keine lesbare SCP-ECG-Datei (Abschnitt 0, das Inhaltsverzeichnis, fehlt oder ist beschädigt).</translation>
    </message>
    <message>
        <source>%1: section 2 (Huffman tables) is empty.</source>
        <translation>%1: Abschnitt 2 (Huffman-Tabellen) ist leer.</translation>
    </message>
    <message>
        <source>%1: section 2 declares %2 Huffman tables but is too short to hold them.</source>
        <translation>%1: Abschnitt 2 gibt %2 Huffman-Tabellen an, ist aber zu kurz, um sie zu enthalten.</translation>
    </message>
    <message>
        <source>%1: section 2 table %2 has an invalid code length.</source>
        <translation>%1: Abschnitt 2, Tabelle %2 hat eine ungültige Codelänge.</translation>
    </message>
    <message>
        <source>%1: section 3 (lead definitions) is missing or damaged, so the leads cannot be read.</source>
        <translation>%1: Abschnitt 3 (Ableitungsdefinitionen) fehlt oder ist beschädigt; die Ableitungen lassen sich nicht lesen.</translation>
    </message>
    <message>
        <source>%1: section 3 declares %2 leads but does not hold their definitions.</source>
        <translation>%1: Abschnitt 3 gibt %2 Ableitungen an, enthält aber ihre Definitionen nicht.</translation>
    </message>
    <message>
        <source>%1: lead %2 has an invalid sample range in section 3.</source>
        <translation>%1: Ableitung %2 hat in Abschnitt 3 einen ungültigen Abtastbereich.</translation>
    </message>
    <message>
        <source>%1: section 6 (rhythm data) is missing or damaged; this file holds no rhythm ECG to show.</source>
        <translation>%1: Abschnitt 6 (Rhythmusdaten) fehlt oder ist beschädigt; die Datei enthält kein Rhythmus-EKG zum Anzeigen.</translation>
    </message>
    <message>
        <source>%1: section 6 (rhythm data) is too short for its header.</source>
        <translation>%1: Abschnitt 6 (Rhythmusdaten) ist zu kurz für seinen Header.</translation>
    </message>
    <message>
        <source>%1: section 6 (rhythm data): lead %2 data (%3 bytes) run past the end of the section — file truncated?</source>
        <translation>%1: Abschnitt 6 (Rhythmusdaten): Die Daten von Ableitung %2 (%3 Byte) reichen über das Abschnittsende hinaus — Datei abgeschnitten?</translation>
    </message>
    <message>
        <source>%1: section 6 (rhythm data): unknown difference encoding %2.</source>
        <translation>%1: Abschnitt 6 (Rhythmusdaten): unbekannte Differenzkodierung %2.</translation>
    </message>
    <message>
        <source>%1: uses bimodal compression (section 6), which this reader does not decode yet.</source>
        <translation>%1: verwendet bimodale Kompression (Abschnitt 6), die dieser Leser noch nicht dekodiert.</translation>
    </message>
    <message>
        <source>%1: section 6 gives a zero sampling interval or amplitude multiplier.</source>
        <translation>%1: Abschnitt 6 gibt ein Abtastintervall oder einen Amplitudenfaktor von null an.</translation>
    </message>
    <message>
        <source>%1: lead %2: section 3 declares %3 samples but section 6 holds only %4 bytes for it — damaged file?</source>
        <translation>%1: Ableitung %2: Abschnitt 3 gibt %3 Abtastwerte an, Abschnitt 6 enthält dafür aber nur %4 Byte — Datei beschädigt?</translation>
    </message>
    <message>
        <source>%1: declares %2 samples, more than the limit.</source>
        <translation>%1: gibt %2 Abtastwerte an, mehr als die Grenze erlaubt.</translation>
    </message>
    <message>
        <source>%1: %2 has no usable scale; its amplitudes cannot be known.</source>
        <translation>%1: %2 hat keine verwendbare Skala; die Amplituden sind unbekannt.</translation>
    </message>
    <message>
        <source>%1: %2 uses the unit %3, which is not a voltage this reader knows.</source>
        <translation>%1: %2 verwendet die Einheit %3, die keine diesem Leser bekannte Spannung ist.</translation>
    </message>
    <message>
        <source>%1: the rhythm series has no time sequence with an increment, so the sampling rate is unknown.</source>
        <translation>%1: Die Rhythmusserie hat keine Zeitsequenz mit Schrittweite; die Abtastrate ist daher unbekannt.</translation>
    </message>
    <message>
        <source>%1: not well-formed XML (%2 at byte %3) — file damaged?</source>
        <translation>%1: kein wohlgeformtes XML (%2 bei Byte %3) — Datei beschädigt?</translation>
    </message>
    <message>
        <source>%1: XML, but not an HL7 annotated ECG (no AnnotatedECG element).</source>
        <translation>%1: XML, aber kein HL7 Annotated ECG (kein AnnotatedECG-Element).</translation>
    </message>
    <message>
        <source>%1: the annotated ECG holds no waveform series.</source>
        <translation>%1: Das Annotated ECG enthält keine Kurvenserie.</translation>
    </message>
    <message>
        <source>%1: the rhythm series holds no lead samples.</source>
        <translation>%1: Die Rhythmusserie enthält keine Abtastwerte von Ableitungen.</translation>
    </message>
    <message>
        <source>%1: cannot read the record&apos;s header for its sampling rate (%2)</source>
        <translation>%1: Der Header der Aufzeichnung lässt sich für die Abtastrate nicht lesen (%2)</translation>
    </message>
    <message>
        <source>%1: cannot open the annotation file.</source>
        <translation>%1: Die Annotationsdatei lässt sich nicht öffnen.</translation>
    </message>
    <message>
        <source>%1: annotation file too large.</source>
        <translation>%1: Annotationsdatei zu groß.</translation>
    </message>
    <message>
        <source>%1: file ends inside a SKIP record — truncated?</source>
        <translation>%1: Die Datei endet mitten in einem SKIP-Eintrag — abgeschnitten?</translation>
    </message>
    <message>
        <source>%1: file ends inside an aux string — truncated?</source>
        <translation>%1: Die Datei endet mitten in einem Aux-Text — abgeschnitten?</translation>
    </message>
    <message>
        <source>the compressed data hold a code that the Huffman table does not define</source>
        <translation>die komprimierten Daten enthalten einen Code, den die Huffman-Tabelle nicht definiert</translation>
    </message>
    <message>
        <source>the compressed data switch to a Huffman table that does not exist</source>
        <translation>die komprimierten Daten wechseln zu einer Huffman-Tabelle, die es nicht gibt</translation>
    </message>
    <message>
        <source>%1: no such folder.</source>
        <translation>%1: Ordner nicht gefunden.</translation>
    </message>
    <message>
        <source>%1: is a file, not a folder.</source>
        <translation>%1: ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2).</source>
        <translation>%1: lässt sich nicht lesen (%2).</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2); its recordings are not listed.</source>
        <translation>%1: lässt sich nicht lesen (%2); seine Aufzeichnungen werden nicht aufgeführt.</translation>
    </message>
    <message>
        <source>%1: the listing of this folder stopped early (%2).</source>
        <translation>%1: Die Auflistung dieses Ordners brach vorzeitig ab (%2).</translation>
    </message>
    <message>
        <source>none of the recording&apos;s leads is a standard ECG lead (I, II, III, aVR, aVL, aVF, V1-V6, MLII) that the model can analyse</source>
        <translation>keine Ableitung der Aufzeichnung ist eine Standard-EKG-Ableitung (I, II, III, aVR, aVL, aVF, V1–V6, MLII), die das Modell analysieren kann</translation>
    </message>
    <message>
        <source>no thresholds were chosen for these leads alone (%1); those of the nearest lead set (%2) are used, so sensitivity and specificity may differ from the model card&apos;s figures for %2</source>
        <translation>für diese Ableitungen allein wurden keine Schwellen gewählt (%1); es gelten die des nächstgelegenen Ableitungssatzes (%2), Sensitivität und Spezifität können daher von den Angaben der Modellbeschreibung für %2 abweichen</translation>
    </message>
    <message>
        <source>12 leads</source>
        <translation>12 Ableitungen</translation>
    </message>
    <message>
        <source>6 limb leads</source>
        <translation>6 Extremitätenableitungen</translation>
    </message>
    <message>
        <source>leads II + V1</source>
        <translation>Ableitungen II + V1</translation>
    </message>
    <message>
        <source>lead II</source>
        <translation>Ableitung II</translation>
    </message>
    <message>
        <source>no model folder given and no installed model found; set ECGLENS_MODEL_DIR to the folder holding manifest.json</source>
        <translation>kein Modellordner angegeben und kein installiertes Modell gefunden; ECGLENS_MODEL_DIR auf den Ordner mit manifest.json setzen</translation>
    </message>
    <message>
        <source>model folder %1 has no manifest.json; it is incomplete or not an ECG Lens folder; the model is refused — reinstall the model</source>
        <translation>Modellordner %1 enthält keine manifest.json; er ist unvollständig oder kein Ordner von ECG Lens; das Modell wird abgelehnt — Modell neu installieren</translation>
    </message>
    <message>
        <source>%1 is damaged (%2); the model is refused — reinstall the model</source>
        <translation>%1 ist beschädigt (%2); das Modell wird abgelehnt — Modell neu installieren</translation>
    </message>
    <message>
        <source>model folder %1: %2 is not listed in manifest.json, so it is mismatched; the model is refused — reinstall the model</source>
        <translation>Modellordner %1: %2 ist nicht in manifest.json aufgeführt und passt daher nicht dazu; das Modell wird abgelehnt — Modell neu installieren</translation>
    </message>
    <message>
        <source>%1 lists an invalid file name; the model is refused — reinstall the model</source>
        <translation>%1 führt einen ungültigen Dateinamen auf; das Modell wird abgelehnt — Modell neu installieren</translation>
    </message>
    <message>
        <source>file %1 is missing from %2; the model is refused — reinstall the model</source>
        <translation>Datei %1 fehlt in %2; das Modell wird abgelehnt — Modell neu installieren</translation>
    </message>
    <message>
        <source>file %1 in %2 has been modified or damaged (SHA-256 %3 does not match the manifest&apos;s %4); the model is refused — reinstall the model</source>
        <translation>Datei %1 in %2 wurde verändert oder beschädigt (SHA-256 %3 stimmt nicht mit %4 aus dem Manifest überein); das Modell wird abgelehnt — Modell neu installieren</translation>
    </message>
    <message>
        <source>%1 holds a measurement model (logistic regression, forest or gradient boosting), not a neural detector; it runs with `ecglens-cli analyze --model %1`; the viewer needs a neural model such as resnet1d</source>
        <translation>%1 enthält ein Messwertmodell (logistische Regression, Random Forest oder Gradient Boosting), keinen neuronalen Detektor; es läuft mit `ecglens-cli analyze --model %1`; der Viewer braucht ein neuronales Modell wie resnet1d</translation>
    </message>
    <message>
        <source>%1: the model expects an input this version of ECG Lens does not produce (rate, window or leads); it is refused as mismatched</source>
        <translation>%1: das Modell erwartet eine Eingabe, die diese Version von ECG Lens nicht erzeugt (Abtastrate, Fenster oder Ableitungen); es wird als unpassend abgelehnt</translation>
    </message>
    <message>
        <source>%1: version &quot;%2&quot; does not end in &quot;%3&quot;, the fingerprint of its weights and model.json; re-stamp it by training or recalibrating</source>
        <translation>%1: Version „%2“ endet nicht auf „%3“, den Fingerabdruck seiner Gewichte und model.json; durch Training oder Neukalibrierung neu stempeln</translation>
    </message>
    <message>
        <source>%1: no model.json</source>
        <translation>%1: keine model.json</translation>
    </message>
    <message>
        <source>the normal-template baseline in %1 has no manifest.json; it is incomplete or not an ECG Lens folder; it is refused; reinstall ECG Lens or use the isoelectric baseline</source>
        <translation>die Normalschlag-Vorlage in %1 enthält keine manifest.json; sie ist unvollständig oder kein Ordner von ECG Lens; sie wird abgelehnt; ECG Lens neu installieren oder die isoelektrische Referenz verwenden</translation>
    </message>
    <message>
        <source>%1 is damaged (%2); it is refused; reinstall ECG Lens or use the isoelectric baseline</source>
        <translation>%1 ist beschädigt (%2); sie wird abgelehnt; ECG Lens neu installieren oder die isoelektrische Referenz verwenden</translation>
    </message>
    <message>
        <source>the normal-template baseline in %1: %2 is not listed in manifest.json, so it is mismatched; it is refused; reinstall ECG Lens or use the isoelectric baseline</source>
        <translation>die Normalschlag-Vorlage in %1: %2 ist nicht in manifest.json aufgeführt und passt daher nicht dazu; sie wird abgelehnt; ECG Lens neu installieren oder die isoelektrische Referenz verwenden</translation>
    </message>
    <message>
        <source>%1 lists an invalid file name; it is refused; reinstall ECG Lens or use the isoelectric baseline</source>
        <translation>%1 führt einen ungültigen Dateinamen auf; sie wird abgelehnt; ECG Lens neu installieren oder die isoelektrische Referenz verwenden</translation>
    </message>
    <message>
        <source>file %1 is missing from %2; it is refused; reinstall ECG Lens or use the isoelectric baseline</source>
        <translation>Datei %1 fehlt in %2; sie wird abgelehnt; ECG Lens neu installieren oder die isoelektrische Referenz verwenden</translation>
    </message>
    <message>
        <source>file %1 in %2 has been modified or damaged (SHA-256 %3 does not match the manifest&apos;s %4); it is refused; reinstall ECG Lens or use the isoelectric baseline</source>
        <translation>Datei %1 in %2 wurde verändert oder beschädigt (SHA-256 %3 stimmt nicht mit %4 aus dem Manifest überein); sie wird abgelehnt; ECG Lens neu installieren oder die isoelektrische Referenz verwenden</translation>
    </message>
    <message>
        <source>the normal-template baseline in %1: %2 is not a normal-beat file; reinstall ECG Lens or use the isoelectric baseline</source>
        <translation>die Normalschlag-Vorlage in %1: %2 ist keine Normalschlag-Vorlagendatei; ECG Lens neu installieren oder die isoelektrische Referenz verwenden</translation>
    </message>
    <message>
        <source>no verdict on %1 alone: the detector needs lead II (alone or with V1), two limb leads (it computes the others) or all 12 leads; on other leads alone it marked nearly every held-out ECG abnormal (see the model card, reduced lead sets)</source>
        <translation>kein Urteil allein anhand von %1: der Detektor braucht Ableitung II (allein oder mit V1), zwei Extremitätenableitungen (die übrigen berechnet er) oder alle 12 Ableitungen; allein anhand anderer Ableitungen hat er fast jedes EKG der Testdaten als auffällig markiert (siehe Modellbeschreibung, reduzierte Ableitungssätze)</translation>
    </message>
    <message>
        <source>leads I, II and III do not obey Einthoven&apos;s law (II = I + III): II differs from I + III by %1 mV or more in 5 % of the samples, %2 % of the largest lead&apos;s swing. A lead may be mislabelled or have a wrong gain, or the leads were rescaled one by one: their amplitudes and the axis are not reliable.</source>
        <translation>Die Ableitungen I, II und III folgen nicht dem Einthoven-Gesetz (II = I + III): In 5 % der Abtastwerte weicht II um %1 mV oder mehr von I + III ab, %2 % des Ausschlags der größten Ableitung. Eine Ableitung ist möglicherweise falsch benannt oder falsch verstärkt, oder die Ableitungen wurden einzeln skaliert: Ihre Amplituden und die Herzachse sind nicht verlässlich.</translation>
    </message>
    <message>
        <source>leads I, II and III break Einthoven&apos;s law (see the reader&apos;s warning): the amplitudes the model reads are probably wrong, so its output is not reliable</source>
        <translation>Die Ableitungen I, II und III verletzen das Einthoven-Gesetz (siehe die Warnung beim Lesen): Die Amplituden, die das Modell liest, sind wahrscheinlich falsch, daher ist sein Ergebnis nicht verlässlich</translation>
    </message>
    <message>
        <source>%1 computed from the recorded limb leads %2 (Einthoven&apos;s law, Goldberger&apos;s equations), as an electrocardiograph computes them, and analysed with them; the traces drawn as &quot;(computed)&quot; are computed the same way</source>
        <translation>%1 aus den aufgezeichneten Extremitätenableitungen %2 berechnet (Einthoven-Gesetz, Goldberger-Gleichungen), wie ein Elektrokardiograph sie berechnet, und mit ihnen analysiert; die als „(berechnet)“ gezeichneten Kurven sind ebenso berechnet</translation>
    </message>
    <message>
        <source>finding: P and QRS negative in lead I</source>
        <translation>Befund: P und QRS in Ableitung I negativ</translation>
    </message>
    <message>
        <source>%1 computed from two recorded limb leads</source>
        <translation>%1 aus zwei aufgezeichneten Extremitätenableitungen berechnet</translation>
    </message>
    <message>
        <source>finding: pacemaker spikes before beats</source>
        <translation>Befund: Schrittmacherimpulse vor Schlägen</translation>
    </message>
    <message>
        <source>finding: P and QRS negative in lead II</source>
        <translation>Befund: P und QRS in Ableitung II negativ</translation>
    </message>
    <message>
        <source>ST elevation at J concordant with the QRS: %1 (at least %2 mV where the QRS is mainly positive)</source>
        <translation>ST-Hebung am J-Punkt konkordant zum QRS-Komplex: %1 (mindestens %2 mV, wo der QRS-Komplex überwiegend positiv ist)</translation>
    </message>
    <message>
        <source>pacemaker spikes before %1 of %2 beats</source>
        <translation>Schrittmacherimpulse vor %1 von %2 Schlägen</translation>
    </message>
    <message>
        <source>QTc %1 ms (Fridericia, of QT %2 ms less 48.5 % of QRS %3 ms: Bogossian)</source>
        <translation>QTc %1 ms (Fridericia, aus QT %2 ms abzüglich 48,5 % von QRS %3 ms: Bogossian)</translation>
    </message>
    <message>
        <source>pacemaker spikes before %1 of %2 beats, %3 more paced by their QRS shape</source>
        <translation>Schrittmacherimpulse vor %1 von %2 Schlägen, %3 weitere nach ihrer QRS-Form stimuliert</translation>
    </message>
    <message>
        <source>finding: QRS shaped as left bundle branch block</source>
        <translation>Befund: QRS in der Form eines Linksschenkelblocks</translation>
    </message>
    <message>
        <source>finding: QRS shaped as right bundle branch block</source>
        <translation>Befund: QRS in der Form eines Rechtsschenkelblocks</translation>
    </message>
    <message>
        <source>Sokolow-Lyon (S in V1 + R in V5 or V6) %1 mV, criterion at least %2 mV</source>
        <translation>Sokolow-Lyon (S in V1 + R in V5 oder V6) %1 mV, Kriterium mindestens %2 mV</translation>
    </message>
    <message>
        <source>Cornell (R in aVL + S in V3) %1 mV, criterion above %2 mV</source>
        <translation>Cornell (R in aVL + S in V3) %1 mV, Kriterium über %2 mV</translation>
    </message>
    <message>
        <source>finding: QRS shaped as left anterior fascicular block</source>
        <translation>Befund: QRS in der Form eines linksanterioren Hemiblocks</translation>
    </message>
    <message>
        <source>finding: pathological Q waves in two contiguous leads</source>
        <translation>Befund: pathologische Q-Zacken in zwei benachbarten Ableitungen</translation>
    </message>
    <message>
        <source>leads %1</source>
        <translation>Ableitungen %1</translation>
    </message>
    <message>
        <source>also found on the ECG compared with</source>
        <translation>auch im Vergleichs-EKG gefunden</translation>
    </message>
    <message>
        <source>also found on the ECG compared with (leads %1)</source>
        <translation>auch im Vergleichs-EKG gefunden (Ableitungen %1)</translation>
    </message>
    <message>
        <source>not found on the ECG compared with</source>
        <translation>im Vergleichs-EKG nicht gefunden</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>Sinus rhythm, %1 bpm</source>
        <translation>Sinusrhythmus, %1/min</translation>
    </message>
    <message>
        <source>Sinus bradycardia, %1 bpm</source>
        <translation>Sinusbradykardie, %1/min</translation>
    </message>
    <message>
        <source>Sinus tachycardia, %1 bpm</source>
        <translation>Sinustachykardie, %1/min</translation>
    </message>
    <message>
        <source>Bradycardia, %1 bpm, P waves not identified</source>
        <translation>Bradykardie, %1/min, P-Wellen nicht identifiziert</translation>
    </message>
    <message>
        <source>Tachycardia, %1 bpm, P waves not identified</source>
        <translation>Tachykardie, %1/min, P-Wellen nicht identifiziert</translation>
    </message>
    <message>
        <source>Rate %1 bpm, P waves not identified: review the rhythm on the tracing</source>
        <translation>Frequenz %1/min, P-Wellen nicht identifiziert: Rhythmus an der Kurve beurteilen</translation>
    </message>
    <message>
        <source>Irregular rhythm without P waves, suggestive of atrial fibrillation, %1 to %2</source>
        <translation>Unregelmäßiger Rhythmus ohne P-Wellen, vereinbar mit Vorhofflimmern, %1 bis %2</translation>
    </message>
    <message>
        <source>Pause of %1 s at %2</source>
        <translation>Pause von %1 s bei %2</translation>
    </message>
    <message numerus="yes">
        <source>%n premature ventricular / wide-QRS beat(s), first at %1</source>
        <translation>
            <numerusform>%n vorzeitiger ventrikulärer Schlag / Schlag mit breitem QRS, erster bei %1</numerusform>
            <numerusform>%n vorzeitige ventrikuläre Schläge / Schläge mit breitem QRS, erster bei %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n premature narrow beat(s), first at %1</source>
        <translation>
            <numerusform>%n vorzeitiger schmaler Schlag, erster bei %1</numerusform>
            <numerusform>%n vorzeitige schmale Schläge, erster bei %1</numerusform>
        </translation>
    </message>
    <message>
        <source>P and QRS negative in lead I (P axis %1°, QRS axis %2°): left and right arm electrodes possibly swapped, or dextrocardia; check the electrode placement</source>
        <translation>P und QRS in Ableitung I negativ (P-Achse %1°, QRS-Achse %2°): Elektroden des linken und rechten Arms möglicherweise vertauscht, oder Dextrokardie; Lage der Elektroden prüfen</translation>
    </message>
    <message>
        <source>Pacemaker spikes before %1 of %2 beats, first at %3</source>
        <translation>Schrittmacherimpulse vor %1 von %2 Schlägen, erster bei %3</translation>
    </message>
    <message>
        <source>P and QRS negative in lead I: left and right arm electrodes possibly swapped; the detector read the leads as labelled, so check the placement before relying on its verdict</source>
        <translation>P und QRS in Ableitung I negativ: Elektroden des linken und rechten Arms möglicherweise vertauscht; der Detektor hat die Ableitungen so gelesen, wie sie beschriftet sind – prüfen Sie die Elektrodenlage, bevor Sie sich auf sein Ergebnis stützen</translation>
    </message>
    <message>
        <source>pacemaker spikes before %1 of %2 beats: the detector&apos;s verdict does not apply to paced beats</source>
        <translation>Schrittmacherimpulse vor %1 von %2 Schlägen: Die Einstufung des Detektors gilt nicht für stimulierte Schläge</translation>
    </message>
    <message>
        <source>P and QRS negative in lead II, positive in aVR (P axis %1°, QRS axis %2°, T axis %3°): right arm and left leg electrodes possibly swapped; check the electrode placement</source>
        <translation>P und QRS in Ableitung II negativ, in aVR positiv (P-Achse %1°, QRS-Achse %2°, T-Achse %3°): Elektroden des rechten Arms und des linken Beins möglicherweise vertauscht; Lage der Elektroden prüfen</translation>
    </message>
    <message>
        <source>P and QRS negative in lead II: right arm and left leg electrodes possibly swapped; the detector read the leads as labelled, so check the placement before relying on its verdict</source>
        <translation>P und QRS in Ableitung II negativ: Elektroden des rechten Arms und des linken Beins möglicherweise vertauscht; der Detektor hat die Ableitungen so gelesen, wie sie beschriftet sind – prüfen Sie die Elektrodenlage, bevor Sie sich auf sein Ergebnis stützen</translation>
    </message>
    <message>
        <source>%1; measured on the %2 beats with spikes</source>
        <translation>%1; gemessen an den %2 Schlägen mit Impuls</translation>
    </message>
    <message>
        <source>%1; measured on the %2 beats without spikes</source>
        <translation>%1; gemessen an den %2 Schlägen ohne Impuls</translation>
    </message>
    <message>
        <source>%1; measured on the %2 paced beats (%3 by their QRS shape)</source>
        <translation>%1; gemessen an den %2 stimulierten Schlägen (%3 nach ihrer QRS-Form)</translation>
    </message>
    <message>
        <source>%1; measured on the %2 beats without spikes or paced QRS shape</source>
        <translation>%1; gemessen an den %2 Schlägen ohne Impuls und ohne stimulierte QRS-Form</translation>
    </message>
    <message>
        <source>QRS shaped as left bundle branch block: QRS %1 ms, V1 mainly negative (R %2, S %3 mV), R peak %4 ms after QRS onset in I or V6, no q wave in I or V6</source>
        <translation>QRS in der Form eines Linksschenkelblocks: QRS %1 ms, V1 überwiegend negativ (R %2, S %3 mV), R-Gipfel %4 ms nach QRS-Beginn in I oder V6, keine Q-Zacke in I oder V6</translation>
    </message>
    <message>
        <source>QRS shaped as right bundle branch block: QRS %1 ms, V1 mainly positive (R %2, S %3 mV), S %4 mV in I or V6</source>
        <translation>QRS in der Form eines Rechtsschenkelblocks: QRS %1 ms, V1 überwiegend positiv (R %2, S %3 mV), S %4 mV in I oder V6</translation>
    </message>
    <message>
        <source>QRS shaped as left anterior fascicular block: QRS axis %1°, qR in aVL (R peak %2 ms after QRS onset), rS in II, III and aVF</source>
        <translation>QRS in der Form eines linksanterioren Hemiblocks: QRS-Achse %1°, qR in aVL (R-Gipfel %2 ms nach QRS-Beginn), rS in II, III und aVF</translation>
    </message>
    <message>
        <source>Pathological Q waves in %1: up to %2 ms wide, %3 mV deep</source>
        <translation>Pathologische Q-Zacken in %1: bis %2 ms breit, %3 mV tief</translation>
    </message>
</context>
<context>
    <name>Leads</name>
    <message>
        <source>%1 (computed)</source>
        <translation>%1 (berechnet)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source> (rhythm)</source>
        <translation> (Rhythmus)</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>ECG report</source>
        <translation>EKG-Bericht</translation>
    </message>
    <message>
        <source>ECG, </source>
        <translation>EKG, </translation>
    </message>
    <message>
        <source>most abnormal flagged window (probability %1): </source>
        <translation>auffälligstes markiertes Fenster (Wahrscheinlichkeit %1): </translation>
    </message>
    <message>
        <source>Decision support, not a diagnosis. Must be reviewed by a qualified clinician.</source>
        <translation>Entscheidungsunterstützung, keine Diagnose. Muss von qualifiziertem ärztlichem Personal geprüft werden.</translation>
    </message>
    <message>
        <source>Model trained on PTB-XL (Wagner et al., Scientific Data 2020), CC BY 4.0</source>
        <translation>Modell trainiert mit PTB-XL (Wagner et al., Scientific Data 2020), CC BY 4.0</translation>
    </message>
    <message>
        <source>ECG report · details</source>
        <translation>EKG-Bericht · Einzelheiten</translation>
    </message>
    <message>
        <source>removed (anonymised report)</source>
        <translation>entfernt (anonymisierter Bericht)</translation>
    </message>
    <message>
        <source>90 years or older</source>
        <translation>90 Jahre oder älter</translation>
    </message>
    <message>
        <source> years</source>
        <translation> Jahre</translation>
    </message>
    <message>
        <source>[removed]</source>
        <translation>[entfernt]</translation>
    </message>
    <message>
        <source> (date removed)</source>
        <translation> (Datum entfernt)</translation>
    </message>
    <message>
        <source>UNCONFIRMED: not reviewed by a clinician; the verdict above is the detector&apos;s alone</source>
        <translation>UNBESTÄTIGT: nicht ärztlich befundet; die Einstufung oben stammt allein vom Detektor</translation>
    </message>
    <message>
        <source> (a note is attached)</source>
        <translation> (eine Notiz liegt bei)</translation>
    </message>
    <message>
        <source>a clinician (name omitted)</source>
        <translation>ärztliches Personal (Name ausgelassen)</translation>
    </message>
    <message>
        <source>a clinician (name not given)</source>
        <translation>ärztliches Personal (Name nicht angegeben)</translation>
    </message>
    <message>
        <source>%1 · reviewed by %2 · %3</source>
        <translation>%1 · befundet von %2 · %3</translation>
    </message>
    <message>
        <source>the detector was not run</source>
        <translation>der Detektor wurde nicht ausgeführt</translation>
    </message>
    <message>
        <source>male</source>
        <translation>männlich</translation>
    </message>
    <message>
        <source>female</source>
        <translation>weiblich</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 (date and time removed: anonymised report)</source>
        <translation>%1 (Datum und Uhrzeit entfernt: anonymisierter Bericht)</translation>
    </message>
    <message>
        <source> (no date in the file)</source>
        <translation> (kein Datum in der Datei)</translation>
    </message>
    <message>
        <source>built-in demo (synthetic)</source>
        <translation>eingebaute Demo (synthetisch)</translation>
    </message>
    <message>
        <source>n/a (no source file)</source>
        <translation>k. A. (keine Quelldatei)</translation>
    </message>
    <message>
        <source>n/a (file could not be read)</source>
        <translation>k. A. (Datei nicht lesbar)</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Borderline</source>
        <translation>Grenzwertig</translation>
    </message>
    <message>
        <source>Anomalous</source>
        <translation>Auffällig</translation>
    </message>
    <message>
        <source>%1 — probability of an abnormal ECG %2 (anomalous from %3, age group %4)</source>
        <translation>%1 — Wahrscheinlichkeit eines abnormalen EKGs %2 (auffällig ab %3, Altersgruppe %4)</translation>
    </message>
    <message>
        <source>P %1 · QRS %2 · T %3</source>
        <translation>P %1 · QRS %2 · T %3</translation>
    </message>
    <message>
        <source>signal conditioned as in the viewer (</source>
        <translation>Signal wie in der Ansicht gefiltert (</translation>
    </message>
    <message>
        <source>raw signal, median of each lead removed (no filtering)</source>
        <translation>Rohsignal, Median jeder Ableitung abgezogen (keine Filterung)</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <source>%1 · %2 · start %3 · %4 · %5 Hz · %6 leads</source>
        <translation>%1 · %2 · Beginn %3 · %4 · %5 Hz · %6 Ableitungen</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>HR %1 · PR %2 · QRS %3 · QT %4 · QTc %5 (%7) · axes %6</source>
        <translation>HF %1 · PR %2 · QRS %3 · QT %4 · QTc %5 (%7) · Achsen %6</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>Detector</source>
        <translation>Detektor</translation>
    </message>
    <message>
        <source> · model </source>
        <translation> · Modell </translation>
    </message>
    <message>
        <source>not available: </source>
        <translation>nicht verfügbar: </translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Befundung</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source> · shown </source>
        <translation> · gezeigt </translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Sampling rate</source>
        <translation>Abtastrate</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Ableitungen</translation>
    </message>
    <message>
        <source>Reader warning</source>
        <translation>Warnung beim Lesen</translation>
    </message>
    <message>
        <source>Measurements (whole recording)</source>
        <translation>Messwerte (gesamte Aufzeichnung)</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Herzfrequenz</translation>
    </message>
    <message>
        <source>RR mean</source>
        <translation>RR-Mittelwert</translation>
    </message>
    <message>
        <source>Interval convention</source>
        <translation>Intervallkonvention</translation>
    </message>
    <message>
        <source>QRS and QT run from the earliest onset to the latest offset over all leads, as LUDB&apos;s cardiologists mark them; this reads longer than conventional programs (QRS is often 120 ms or more on normal ECGs), so check intervals on the tracing.</source>
        <translation>QRS und QT reichen vom frühesten Beginn bis zum spätesten Ende über alle Ableitungen, wie die Kardiologen von LUDB sie markieren; das fällt länger aus als bei herkömmlichen Programmen (QRS bei normalen EKGs oft 120 ms oder mehr), daher die Intervalle an der Kurve prüfen.</translation>
    </message>
    <message>
        <source>Frontal axes</source>
        <translation>Frontale Achsen</translation>
    </message>
    <message>
        <source>QRS voltages</source>
        <translation>QRS-Amplituden</translation>
    </message>
    <message>
        <source>Sokolow-Lyon %1 (S V1 + R V5/V6) · Cornell %2 (R aVL + S V3), on the filtered signal, whose low-pass lowers QRS peaks</source>
        <translation>Sokolow-Lyon %1 (S V1 + R V5/V6) · Cornell %2 (R aVL + S V3), am gefilterten Signal, dessen Tiefpass QRS-Spitzen absenkt</translation>
    </message>
    <message>
        <source>SDNN / RMSSD / pNN50</source>
        <translation>SDNN / RMSSD / pNN50</translation>
    </message>
    <message>
        <source>Beats</source>
        <translation>Schläge</translation>
    </message>
    <message>
        <source>%1 (ventricular %2, supraventricular %3)</source>
        <translation>%1 (ventrikulär %2, supraventrikulär %3)</translation>
    </message>
    <message>
        <source>Not available.</source>
        <translation>Nicht verfügbar.</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Keine.</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source> (probability of an abnormal ECG)</source>
        <translation> (Wahrscheinlichkeit eines abnormalen EKGs)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Model SHA-256</source>
        <translation>SHA-256 des Modells</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Schwellen</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>Trainingsdaten</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Flagged segments</source>
        <translation>Markierte Segmente</translation>
    </message>
    <message>
        <source>No segment reaches the anomalous threshold.</source>
        <translation>Kein Segment erreicht die Schwelle für „Auffällig“.</translation>
    </message>
    <message>
        <source>Segment %1</source>
        <translation>Segment %1</translation>
    </message>
    <message>
        <source>%1 – %2%3 · probability %4</source>
        <translation>%1 – %2%3 · Wahrscheinlichkeit %4</translation>
    </message>
    <message>
        <source>Not available: </source>
        <translation>Nicht verfügbar: </translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Basis: </source>
        <translation>Grundlage: </translation>
    </message>
    <message>
        <source>Source: </source>
        <translation>Quelle: </translation>
    </message>
    <message>
        <source>Clinician review</source>
        <translation>Ärztliche Befundung</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>omitted (anonymised report)</source>
        <translation>ausgelassen (anonymisierter Bericht)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>: free text may identify the patient</source>
        <translation>: Freitext kann die Person identifizieren</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Befunder</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Not reviewed.</source>
        <translation>Nicht befundet.</translation>
    </message>
    <message>
        <source>About this report</source>
        <translation>Zu diesem Bericht</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>Software</translation>
    </message>
    <message>
        <source>Anonymised ECG</source>
        <translation>Anonymisiertes EKG</translation>
    </message>
    <message>
        <source>Patient %1 · %2</source>
        <translation>Patient %1 · %2</translation>
    </message>
    <message>
        <source>ECG report (anonymised)</source>
        <translation>EKG-Bericht (anonymisiert)</translation>
    </message>
    <message>
        <source>ECG report </source>
        <translation>EKG-Bericht </translation>
    </message>
    <message>
        <source>Generated %1 · anonymised</source>
        <translation>Erstellt %1 · anonymisiert</translation>
    </message>
    <message>
        <source>Generated </source>
        <translation>Erstellt </translation>
    </message>
    <message>
        <source>%1 Hz high-pass</source>
        <translation>Hochpass %1 Hz</translation>
    </message>
    <message>
        <source>%1 Hz notch</source>
        <translation>Netzfilter %1 Hz</translation>
    </message>
    <message>
        <source>%1 Hz low-pass</source>
        <translation>Tiefpass %1 Hz</translation>
    </message>
    <message>
        <source>no filters</source>
        <translation>keine Filter</translation>
    </message>
    <message>
        <source>Prompt review</source>
        <translation>Zeitnah prüfen</translation>
    </message>
    <message>
        <source>Consider</source>
        <translation>Erwägen</translation>
    </message>
    <message>
        <source>Note</source>
        <comment>advice severity</comment>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>%1 (of %2, one after the other)</source>
        <translation>%1 (von %2, nacheinander)</translation>
    </message>
    <message>
        <source>SHA-256 of the recording</source>
        <translation>SHA-256 der Aufzeichnung</translation>
    </message>
    <message>
        <source>Comparison with another ECG</source>
        <translation>Vergleich mit einem anderen EKG</translation>
    </message>
    <message>
        <source> — not this recording&apos;s patient ID: check that the comparison is meant</source>
        <translation> — nicht die Patienten-ID dieser Aufzeichnung: prüfen, ob dieser Vergleich gemeint ist</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <source>Rhythm finding</source>
        <translation>Rhythmusbefund</translation>
    </message>
    <message>
        <source>Measurements not available for both ECGs.</source>
        <translation>Messwerte nicht für beide EKGs verfügbar.</translation>
    </message>
    <message>
        <source>P axis</source>
        <translation>P-Achse</translation>
    </message>
    <message>
        <source>QRS axis</source>
        <translation>QRS-Achse</translation>
    </message>
    <message>
        <source>T axis</source>
        <translation>T-Achse</translation>
    </message>
    <message>
        <source>Comparison ECG → this recording (change). Measured alike, by the same program; compare the tracings themselves before calling a change new.</source>
        <translation>Vergleichs-EKG → diese Aufzeichnung (Änderung). Gleich gemessen, vom selben Programm; vor der Bewertung einer Änderung als neu die Kurven selbst vergleichen.</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>US Letter</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Measured by the clinician (calipers)</source>
        <translation>Ärztlich gemessen (Messzirkel)</translation>
    </message>
    <message>
        <source>%1 · %2, %3</source>
        <translation>%1 · %2, %3</translation>
    </message>
    <message>
        <source>Intervals the clinician measured with the calipers are graded in place of the automatic ones (QTc from a measured QT).</source>
        <translation>Mit dem Messzirkel ärztlich gemessene Intervalle werden anstelle der automatischen bewertet (QTc aus einem gemessenen QT).</translation>
    </message>
    <message>
        <source>90 or older</source>
        <translation>90 oder älter</translation>
    </message>
    <message>
        <source> · calipers by %1: %2</source>
        <translation> · Messzirkel (%1): %2</translation>
    </message>
    <message>
        <source>ST at J+60 ms</source>
        <translation>ST bei J+60 ms</translation>
    </message>
    <message>
        <source>%1 mV, relative to the level just before QRS onset (J: the latest QRS offset over all leads)</source>
        <translation>%1 mV, bezogen auf das Niveau kurz vor dem QRS-Beginn (J: das späteste QRS-Ende über alle Ableitungen)</translation>
    </message>
    <message>
        <source>ECG report exported from ECG Lens</source>
        <translation>EKG-Bericht, aus ECG Lens exportiert</translation>
    </message>
    <message>
        <source> · digitally signed by %1</source>
        <translation> · digital signiert von %1</translation>
    </message>
    <message>
        <source>Digital signature</source>
        <translation>Digitale Signatur</translation>
    </message>
    <message>
        <source>This PDF is signed by %1 with the certificate issued by %2 (SHA-256 %3, valid until %4). A PDF reader shows the signature and whether anything in the report changed after signing.</source>
        <translation>Diese PDF-Datei ist von %1 signiert, mit dem von %2 ausgestellten Zertifikat (SHA-256 %3, gültig bis %4). Ein PDF-Reader zeigt die Signatur und ob sich nach dem Signieren etwas am Bericht geändert hat.</translation>
    </message>
    <message>
        <source> · earlier decisions differ (see the review section)</source>
        <translation> · frühere Entscheidungen weichen ab (siehe Abschnitt Ärztliche Befundung)</translation>
    </message>
    <message>
        <source>Earlier decision</source>
        <translation>Frühere Entscheidung</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>no decision (a note)</source>
        <translation>keine Entscheidung (eine Notiz)</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <source>The advice checks a few criteria only: no item does not mean a normal ECG.</source>
        <translation>Die Hinweise prüfen nur wenige Kriterien: Erscheint kein Hinweis, heißt das nicht, dass das EKG normal ist.</translation>
    </message>
    <message>
        <source> (advice; basis and source in the details)</source>
        <translation> (Hinweis; Grundlage und Quelle in den Details)</translation>
    </message>
    <message>
        <source>order unknown</source>
        <translation>Reihenfolge unbekannt</translation>
    </message>
    <message>
        <source>at the same time</source>
        <translation>zur selben Zeit</translation>
    </message>
    <message>
        <source>earlier</source>
        <translation>früher</translation>
    </message>
    <message>
        <source>later</source>
        <translation>später</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n Monat</numerusform>
            <numerusform>%n Monate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n Jahr</numerusform>
            <numerusform>%n Jahre</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 earlier</source>
        <translation>%1 früher</translation>
    </message>
    <message>
        <source>%1 later</source>
        <translation>%1 später</translation>
    </message>
    <message>
        <source>The ECG compared with was recorded after this one: each change runs from the later ECG back to the earlier.</source>
        <translation>Das Vergleichs-EKG wurde nach diesem aufgezeichnet: jede Änderung führt vom späteren EKG zurück zum früheren.</translation>
    </message>
    <message>
        <source>Both ECGs start at the same time: is the ECG compared with the same recording in another file?</source>
        <translation>Beide EKGs beginnen zur selben Zeit: ist das Vergleichs-EKG dieselbe Aufzeichnung in einer anderen Datei?</translation>
    </message>
    <message>
        <source>A recording date is missing: which ECG is the earlier is not known.</source>
        <translation>Ein Aufnahmedatum fehlt: welches EKG das frühere ist, ist nicht bekannt.</translation>
    </message>
    <message>
        <source>Window %1</source>
        <translation>Fenster %1</translation>
    </message>
    <message>
        <source>Look first: the most probable flagged windows, a minute or more apart (where to start on a long recording, not a finding).</source>
        <translation>Zuerst ansehen: die wahrscheinlichsten markierten Fenster, mindestens eine Minute auseinander (ein Anfang bei einer langen Aufzeichnung, kein Befund).</translation>
    </message>
    <message>
        <source>Look first window %1 (probability %2): </source>
        <translation>Zuerst anzusehendes Fenster %1 (Wahrscheinlichkeit %2): </translation>
    </message>
    <message numerus="yes">
        <source>%n more flagged segment(s) with lower probabilities are not listed here; the Flagged segments dock lists every one.</source>
        <translation>
            <numerusform>%n weiteres markiertes Segment mit geringerer Wahrscheinlichkeit ist hier nicht aufgeführt; der Bereich „Markierte Segmente“ führt alle auf.</numerusform>
            <numerusform>%n weitere markierte Segmente mit geringeren Wahrscheinlichkeiten sind hier nicht aufgeführt; der Bereich „Markierte Segmente“ führt alle auf.</numerusform>
        </translation>
    </message>
    <message>
        <source>Explanation (SHAP) of window %1</source>
        <translation>Erklärung (SHAP) des Fensters %1</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>as explained in the viewer</source>
        <translation>wie in der Anzeige erklärt</translation>
    </message>
    <message>
        <source>the most probable window of the most probable flagged segment</source>
        <translation>das wahrscheinlichste Fenster des wahrscheinlichsten markierten Segments</translation>
    </message>
    <message>
        <source>the most probable window (no segment flagged)</source>
        <translation>das wahrscheinlichste Fenster (kein Segment markiert)</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>probability of abnormal %1; with every segment removed %2; log-odds %3 → %4</source>
        <translation>Wahrscheinlichkeit eines abnormalen EKGs %1; mit allen Segmenten entfernt %2; Log-Odds %3 → %4</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>exact Shapley values over %1 segments, %2 model evaluations</source>
        <translation>exakte Shapley-Werte über %1 Segmente, %2 Modellauswertungen</translation>
    </message>
    <message>
        <source>KernelSHAP over %1 segments, %2 model evaluations, largest standard error %3</source>
        <translation>KernelSHAP über %1 Segmente, %2 Modellauswertungen, größter Standardfehler %3</translation>
    </message>
    <message>
        <source>; removed segments replaced by the isoelectric baseline</source>
        <translation>; entfernte Segmente durch die isoelektrische Referenz ersetzt</translation>
    </message>
    <message>
        <source>; removed segments replaced by a normal beat template</source>
        <translation>; entfernte Segmente durch eine normale Schlagvorlage ersetzt</translation>
    </message>
    <message>
        <source>By lead (log-odds)</source>
        <translation>Je Ableitung (Log-Odds)</translation>
    </message>
    <message>
        <source>Strongest segments</source>
        <translation>Stärkste Segmente</translation>
    </message>
    <message>
        <source>Efficiency check</source>
        <translation>Effizienzprüfung</translation>
    </message>
    <message>
        <source>passed: the contributions add up to output − base within %1</source>
        <translation>bestanden: die Beiträge ergeben in der Summe Ausgabe − Basis mit einer Abweichung von %1</translation>
    </message>
    <message>
        <source>FAILED — these contributions are not reliable</source>
        <translation>FEHLGESCHLAGEN — diese Beiträge sind nicht verlässlich</translation>
    </message>
    <message>
        <source>Shaded: SHAP contributions to the detector&apos;s output, red towards abnormal, blue towards normal, deeper for larger ones; numbered: the strongest (see Explanation). Not where disease is.</source>
        <translation>Schattiert: SHAP-Beiträge zur Ausgabe des Detektors, rot in Richtung auffällig, blau in Richtung normal, kräftiger für größere; nummeriert: die stärksten (siehe Erklärung). Nicht der Ort einer Erkrankung.</translation>
    </message>
    <message>
        <source>explained window (probability %1): </source>
        <translation>erklärtes Fenster (Wahrscheinlichkeit %1): </translation>
    </message>
    <message numerus="yes">
        <source>explained window, the %n lead(s) with the largest contributions: </source>
        <translation>
            <numerusform>erklärtes Fenster, die %n Ableitung mit den größten Beiträgen: </numerusform>
            <numerusform>erklärtes Fenster, die %n Ableitungen mit den größten Beiträgen: </numerusform>
        </translation>
    </message>
    <message>
        <source> (not on the ECG pages)</source>
        <translation> (nicht auf den EKG-Seiten)</translation>
    </message>
    <message>
        <source>On the ECG pages of this window each segment is shaded in the colour of its contribution (red towards abnormal, blue towards normal, deeper for larger values) and the strongest carry their numbers from the list above.</source>
        <translation>Auf den EKG-Seiten dieses Fensters ist jedes Segment in der Farbe seines Beitrags schattiert (rot in Richtung auffällig, blau in Richtung normal, kräftiger für größere Werte); die stärksten tragen ihre Nummern aus der Liste oben.</translation>
    </message>
    <message>
        <source>The 3 × 4 layout prints each lead for 2.5 s; the page after it gives the leads with the largest contributions for the whole 10 s.</source>
        <translation>Das 3 × 4-Layout druckt jede Ableitung 2,5 s lang; die Seite danach zeigt die Ableitungen mit den größten Beiträgen über die ganzen 10 s.</translation>
    </message>
    <message>
        <source>SHAP values say which parts of the trace moved the model&apos;s output and by how much; they do not show where disease is.</source>
        <translation>SHAP-Werte zeigen, welche Teile der Kurve die Ausgabe des Modells wie stark bewegt haben; sie zeigen nicht, wo eine Erkrankung liegt.</translation>
    </message>
    <message>
        <source>Mean RR</source>
        <translation>Mittleres RR</translation>
    </message>
    <message>
        <source>Shortest RR</source>
        <translation>Kürzestes RR</translation>
    </message>
    <message>
        <source>Longest RR</source>
        <translation>Längstes RR</translation>
    </message>
    <message>
        <source>SDNN</source>
        <translation>SDNN</translation>
    </message>
    <message>
        <source>RMSSD</source>
        <translation>RMSSD</translation>
    </message>
    <message>
        <source>pNN50</source>
        <translation>pNN50</translation>
    </message>
    <message>
        <source>PR</source>
        <translation>PR</translation>
    </message>
    <message>
        <source>QRS</source>
        <translation>QRS</translation>
    </message>
    <message>
        <source>QT</source>
        <translation>QT</translation>
    </message>
    <message>
        <source>QTc (Bazett)</source>
        <translation>QTc (Bazett)</translation>
    </message>
    <message>
        <source>QRS-T angle</source>
        <translation>QRS-T-Winkel</translation>
    </message>
    <message>
        <source>Ventricular beats</source>
        <translation>Ventrikuläre Schläge</translation>
    </message>
    <message>
        <source>Supraventricular beats</source>
        <translation>Supraventrikuläre Schläge</translation>
    </message>
    <message>
        <source>%1 not measured</source>
        <translation>%1 nicht gemessen</translation>
    </message>
    <message>
        <source>%1 measured</source>
        <translation>%1 gemessen</translation>
    </message>
    <message>
        <source>Explanation of the measurement model&apos;s output for window %1</source>
        <translation>Erklärung der Ausgabe des Messwertmodells für das Fenster %1</translation>
    </message>
    <message>
        <source>probability of abnormal %1; log-odds %2 = base %3 + the contributions</source>
        <translation>Wahrscheinlichkeit eines abnormalen EKGs %1; Log-Odds %2 = Basis %3 + die Beiträge</translation>
    </message>
    <message numerus="yes">
        <source>exact TreeSHAP (libxgboost) over the model&apos;s %n input(s)</source>
        <translation>
            <numerusform>exaktes TreeSHAP (libxgboost) über die %n Eingabe des Modells</numerusform>
            <numerusform>exaktes TreeSHAP (libxgboost) über die %n Eingaben des Modells</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>logistic regression: coefficient × standardised value of each of the model&apos;s %n input(s)</source>
        <translation>
            <numerusform>logistische Regression: Koeffizient × standardisierter Wert der %n Eingabe des Modells</numerusform>
            <numerusform>logistische Regression: Koeffizient × standardisierter Wert jeder der %n Eingaben des Modells</numerusform>
        </translation>
    </message>
    <message>
        <source>Strongest (log-odds)</source>
        <translation>Stärkste (Log-Odds)</translation>
    </message>
    <message>
        <source>These contributions say which measurements moved the model&apos;s output and by how much (a measurement that could not be taken enters as its training median, its absence as an input of its own); they do not show where disease is.</source>
        <translation>Diese Beiträge zeigen, welche Messwerte die Ausgabe des Modells wie stark bewegt haben (ein nicht messbarer Wert geht als Median des Trainings ein, sein Fehlen als eigene Eingabe); sie zeigen nicht, wo eine Erkrankung liegt.</translation>
    </message>
    <message>
        <source>a Look first window</source>
        <translation>ein zuerst anzusehendes Fenster</translation>
    </message>
    <message>
        <source>Look first window %1</source>
        <translation>zuerst anzusehendes Fenster %1</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>geboren %1</translation>
    </message>
    <message>
        <source>age %1 · sex %2</source>
        <translation>Alter %1 · Geschlecht %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Anonymised: the identifiers of the HIPAA Safe Harbor list (45 CFR 164.514(b)(2)) that a report can carry are left out: the patient&apos;s name and ID, file name, the file&apos;s SHA-256, the date of birth and dates other than the year, ages over 89, the reviewer&apos;s name and the note. The traces are unchanged. Check your institution&apos;s rules before sharing.</source>
        <translation>Anonymisiert: Die Identifikatoren der HIPAA-Safe-Harbor-Liste (45 CFR 164.514(b)(2)), die ein Bericht enthalten kann, sind ausgelassen: Name und ID der Patientin oder des Patienten, Dateiname, SHA-256 der Datei, Geburtsdatum und Datumsangaben außer dem Jahr, Alter über 89, Name der befundenden Person und Notiz. Die Kurven sind unverändert. Vor der Weitergabe die Regeln Ihrer Einrichtung prüfen.</translation>
    </message>
    <message>
        <source>Patient %1, ID %2 · %3</source>
        <translation>Patient %1, ID %2 · %3</translation>
    </message>
    <message>
        <source> — not this recording&apos;s patient name: check that the comparison is meant</source>
        <translation> — nicht der Patientenname dieser Aufzeichnung: prüfen, ob dieser Vergleich gemeint ist</translation>
    </message>
    <message>
        <source>Not used</source>
        <translation>Nicht verwendet</translation>
    </message>
    <message>
        <source>%1: not an ECG by name or unit</source>
        <translation>%1: nach Name oder Einheit kein EKG</translation>
    </message>
    <message>
        <source>borderline ≥ %1, anomalous ≥ %2 (age group %3, lead set: %4)</source>
        <translation>grenzwertig ≥ %1, auffällig ≥ %2 (Altersgruppe %3, Ableitungssatz: %4)</translation>
    </message>
    <message>
        <source> (magenta ticks above the traces on the ECG pages)</source>
        <translation> (magentafarbene Striche über den Kurven auf den EKG-Seiten)</translation>
    </message>
    <message>
        <source> (paced beats, Bogossian: QT less 48.5 % of QRS, then Fridericia)</source>
        <translation> (stimulierte Schläge, Bogossian: QT abzüglich 48,5 % von QRS, dann Fridericia)</translation>
    </message>
    <message>
        <source> (left bundle branch block QRS, Bogossian: QT less 48.5 % of QRS, then Fridericia)</source>
        <translation> (QRS in Linksschenkelblockform, Bogossian: QT abzüglich 48,5 % von QRS, dann Fridericia)</translation>
    </message>
    <message>
        <source>Automatic findings: rhythm, conduction, QRS</source>
        <translation>Automatische Befunde: Rhythmus, Erregungsleitung, QRS</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Not reviewed</source>
        <translation>Nicht befundet</translation>
    </message>
    <message>
        <source>Normal ECG</source>
        <translation>Normales EKG</translation>
    </message>
    <message>
        <source>Abnormal ECG</source>
        <translation>Abnormales EKG</translation>
    </message>
    <message>
        <source>Uncertain — needs a second opinion or further tests</source>
        <translation>Unklar — Zweitmeinung oder weitere Untersuchungen erforderlich</translation>
    </message>
    <message>
        <source>RR interval</source>
        <translation>RR-Intervall</translation>
    </message>
    <message>
        <source>PR interval</source>
        <translation>PR-Intervall</translation>
    </message>
    <message>
        <source>QRS duration</source>
        <translation>QRS-Dauer</translation>
    </message>
    <message>
        <source>QT interval</source>
        <translation>QT-Intervall</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>(automatic %1)</source>
        <translation>(automatisch %1)</translation>
    </message>
    <message>
        <source>lead %1, %2–%3 s</source>
        <translation>Ableitung %1, %2–%3 s</translation>
    </message>
    <message>
        <source>QTc %1 (Fridericia, QT/∛RR; RR %2 from the calipers)</source>
        <translation>QTc %1 (Fridericia, QT/∛RR; RR %2 mit dem Messzirkel)</translation>
    </message>
    <message>
        <source>QTc %1 (Fridericia, QT/∛RR; RR %2, the automatic mean)</source>
        <translation>QTc %1 (Fridericia, QT/∛RR; RR %2, automatischer Mittelwert)</translation>
    </message>
    <message>
        <source>%1–%2 s</source>
        <translation>%1–%2 s</translation>
    </message>
    <message>
        <source>%1 ms, %2/min</source>
        <translation>%1 ms, %2/min</translation>
    </message>
</context>
<context>
    <name>ScpStatement</name>
    <message>
        <source>non-diagnostic T abnormalities</source>
        <translation>nicht-diagnostische T-Veränderungen</translation>
    </message>
    <message>
        <source>non-specific ST changes</source>
        <translation>unspezifische ST-Veränderungen</translation>
    </message>
    <message>
        <source>digitalis-effect</source>
        <translation>Digitaliseffekt</translation>
    </message>
    <message>
        <source>long QT-interval</source>
        <translation>verlängertes QT-Intervall</translation>
    </message>
    <message>
        <source>normal ECG</source>
        <translation>normales EKG</translation>
    </message>
    <message>
        <source>inferior myocardial infarction</source>
        <translation>inferiorer Myokardinfarkt</translation>
    </message>
    <message>
        <source>anteroseptal myocardial infarction</source>
        <translation>anteroseptaler Myokardinfarkt</translation>
    </message>
    <message>
        <source>left ventricular hypertrophy</source>
        <translation>linksventrikuläre Hypertrophie</translation>
    </message>
    <message>
        <source>left anterior fascicular block</source>
        <translation>linksanteriorer Faszikelblock</translation>
    </message>
    <message>
        <source>non-specific ischemic</source>
        <translation>unspezifisch ischämisch</translation>
    </message>
    <message>
        <source>incomplete right bundle branch block</source>
        <translation>inkompletter Rechtsschenkelblock</translation>
    </message>
    <message>
        <source>first degree AV block</source>
        <translation>AV-Block I. Grades</translation>
    </message>
    <message>
        <source>non-specific intraventricular conduction disturbance (block)</source>
        <translation>unspezifische intraventrikuläre Leitungsstörung (Block)</translation>
    </message>
    <message>
        <source>ischemic in anterolateral leads</source>
        <translation>ischämisch in den anterolateralen Ableitungen</translation>
    </message>
    <message>
        <source>complete right bundle branch block</source>
        <translation>kompletter Rechtsschenkelblock</translation>
    </message>
    <message>
        <source>complete left bundle branch block</source>
        <translation>kompletter Linksschenkelblock</translation>
    </message>
    <message>
        <source>inferolateral myocardial infarction</source>
        <translation>inferolateraler Myokardinfarkt</translation>
    </message>
    <message>
        <source>left atrial overload/enlargement</source>
        <translation>linksatriale Belastung/Vergrößerung</translation>
    </message>
    <message>
        <source>anterior myocardial infarction</source>
        <translation>anteriorer Myokardinfarkt</translation>
    </message>
    <message>
        <source>anterolateral myocardial infarction</source>
        <translation>anterolateraler Myokardinfarkt</translation>
    </message>
    <message>
        <source>ischemic in inferior leads</source>
        <translation>ischämisch in den inferioren Ableitungen</translation>
    </message>
    <message>
        <source>subendocardial injury in anteroseptal leads</source>
        <translation>subendokardiale Schädigung in den anteroseptalen Ableitungen</translation>
    </message>
    <message>
        <source>lateral myocardial infarction</source>
        <translation>lateraler Myokardinfarkt</translation>
    </message>
    <message>
        <source>ischemic in inferolateral leads</source>
        <translation>ischämisch in den inferolateralen Ableitungen</translation>
    </message>
    <message>
        <source>left posterior fascicular block</source>
        <translation>linksposteriorer Faszikelblock</translation>
    </message>
    <message>
        <source>ischemic in anteroseptal leads</source>
        <translation>ischämisch in den anteroseptalen Ableitungen</translation>
    </message>
    <message>
        <source>subendocardial injury in anterolateral leads</source>
        <translation>subendokardiale Schädigung in den anterolateralen Ableitungen</translation>
    </message>
    <message>
        <source>ischemic in lateral leads</source>
        <translation>ischämisch in den lateralen Ableitungen</translation>
    </message>
    <message>
        <source>right ventricular hypertrophy</source>
        <translation>rechtsventrikuläre Hypertrophie</translation>
    </message>
    <message>
        <source>ST-T changes compatible with ventricular aneurysm</source>
        <translation>ST-T-Veränderungen vereinbar mit einem Ventrikelaneurysma</translation>
    </message>
    <message>
        <source>right atrial overload/enlargement</source>
        <translation>rechtsatriale Belastung/Vergrößerung</translation>
    </message>
    <message>
        <source>electrolytic disturbance or drug (former EDIS)</source>
        <translation>Elektrolytstörung oder Medikamenteneffekt (früher EDIS)</translation>
    </message>
    <message>
        <source>Wolf-Parkinson-White syndrome</source>
        <translation>Wolff-Parkinson-White-Syndrom</translation>
    </message>
    <message>
        <source>incomplete left bundle branch block</source>
        <translation>inkompletter Linksschenkelblock</translation>
    </message>
    <message>
        <source>inferoposterolateral myocardial infarction</source>
        <translation>inferoposterolateraler Myokardinfarkt</translation>
    </message>
    <message>
        <source>ischemic in anterior leads</source>
        <translation>ischämisch in den anterioren Ableitungen</translation>
    </message>
    <message>
        <source>inferoposterior myocardial infarction</source>
        <translation>inferoposteriorer Myokardinfarkt</translation>
    </message>
    <message>
        <source>septal hypertrophy</source>
        <translation>septale Hypertrophie</translation>
    </message>
    <message>
        <source>subendocardial injury in inferior leads</source>
        <translation>subendokardiale Schädigung in den inferioren Ableitungen</translation>
    </message>
    <message>
        <source>subendocardial injury in lateral leads</source>
        <translation>subendokardiale Schädigung in den lateralen Ableitungen</translation>
    </message>
    <message>
        <source>posterior myocardial infarction</source>
        <translation>posteriorer Myokardinfarkt</translation>
    </message>
    <message>
        <source>third degree AV block</source>
        <translation>AV-Block III. Grades</translation>
    </message>
    <message>
        <source>subendocardial injury in inferolateral leads</source>
        <translation>subendokardiale Schädigung in den inferolateralen Ableitungen</translation>
    </message>
    <message>
        <source>second degree AV block</source>
        <translation>AV-Block II. Grades</translation>
    </message>
    <message>
        <source>abnormal QRS</source>
        <translation>abnormer QRS-Komplex</translation>
    </message>
    <message>
        <source>ventricular premature complex</source>
        <translation>ventrikuläre Extrasystole</translation>
    </message>
    <message>
        <source>non-specific ST depression</source>
        <translation>unspezifische ST-Senkung</translation>
    </message>
    <message>
        <source>voltage criteria (QRS) for left ventricular hypertrophy</source>
        <translation>Spannungskriterien (QRS) für linksventrikuläre Hypertrophie</translation>
    </message>
    <message>
        <source>Q waves present</source>
        <translation>Q-Zacken vorhanden</translation>
    </message>
    <message>
        <source>low amplitude T-waves</source>
        <translation>niedrige T-Wellen-Amplitude</translation>
    </message>
    <message>
        <source>non-specific T-wave changes</source>
        <translation>unspezifische T-Wellen-Veränderungen</translation>
    </message>
    <message>
        <source>atrial premature complex</source>
        <translation>supraventrikuläre (atriale) Extrasystole</translation>
    </message>
    <message>
        <source>prolonged PR interval</source>
        <translation>verlängertes PR-Intervall</translation>
    </message>
    <message>
        <source>inverted T-waves</source>
        <translation>invertierte T-Wellen</translation>
    </message>
    <message>
        <source>low QRS voltages in the frontal and horizontal leads</source>
        <translation>niedrige QRS-Amplituden in den Extremitäten- und Brustwandableitungen</translation>
    </message>
    <message>
        <source>high QRS voltage</source>
        <translation>hohe QRS-Amplitude</translation>
    </message>
    <message>
        <source>T-wave abnormality</source>
        <translation>T-Wellen-Auffälligkeit</translation>
    </message>
    <message>
        <source>non-specific ST elevation</source>
        <translation>unspezifische ST-Hebung</translation>
    </message>
    <message>
        <source>premature complex(es)</source>
        <translation>Extrasystole(n)</translation>
    </message>
    <message>
        <source>sinus rhythm</source>
        <translation>Sinusrhythmus</translation>
    </message>
    <message>
        <source>atrial fibrillation</source>
        <translation>Vorhofflimmern</translation>
    </message>
    <message>
        <source>sinus tachycardia</source>
        <translation>Sinustachykardie</translation>
    </message>
    <message>
        <source>sinus arrhythmia</source>
        <translation>Sinusarrhythmie</translation>
    </message>
    <message>
        <source>sinus bradycardia</source>
        <translation>Sinusbradykardie</translation>
    </message>
    <message>
        <source>normal functioning artificial pacemaker</source>
        <translation>normal funktionierender Herzschrittmacher</translation>
    </message>
    <message>
        <source>supraventricular arrhythmia</source>
        <translation>supraventrikuläre Arrhythmie</translation>
    </message>
    <message>
        <source>bigeminal pattern (unknown origin, SV or Ventricular)</source>
        <translation>Bigeminus (Ursprung unbekannt, supraventrikulär oder ventrikulär)</translation>
    </message>
    <message>
        <source>atrial flutter</source>
        <translation>Vorhofflattern</translation>
    </message>
    <message>
        <source>supraventricular tachycardia</source>
        <translation>supraventrikuläre Tachykardie</translation>
    </message>
    <message>
        <source>paroxysmal supraventricular tachycardia</source>
        <translation>paroxysmale supraventrikuläre Tachykardie</translation>
    </message>
    <message>
        <source>trigeminal pattern (unknown origin, SV or Ventricular)</source>
        <translation>Trigeminus (Ursprung unbekannt, supraventrikulär oder ventrikulär)</translation>
    </message>
</context>
<context>
    <name>ecglens</name>
    <message>
        <source>towards anomalous</source>
        <translation>in Richtung auffällig</translation>
    </message>
    <message>
        <source>towards normal</source>
        <translation>in Richtung normal</translation>
    </message>
    <message>
        <source>%1 %2–%3 s: %4 log-odds (%5 % probability) %6</source>
        <translation>%1 %2–%3 s: %4 Log-Odds (%5 % Wahrscheinlichkeit) %6</translation>
    </message>
</context>
<context>
    <name>ecglens::AdvicePanel</name>
    <message>
        <source>Open a recording to see advice.</source>
        <translation>Öffnen Sie eine Aufzeichnung, um Hinweise zu sehen.</translation>
    </message>
    <message>
        <source>Based on:</source>
        <translation>Grundlage:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Health advice</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Decision support, not a diagnosis: prompts for the clinician&apos;s own judgement, each with the guideline it comes from.</source>
        <translation>Entscheidungsunterstützung, keine Diagnose: Anregungen für die eigene ärztliche Beurteilung, jeweils mit der Leitlinie, aus der sie stammen.</translation>
    </message>
</context>
<context>
    <name>ecglens::AnalysisController</name>
    <message>
        <source>Flagged segments</source>
        <translation>Markierte Segmente</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>A&amp;nalyse</translation>
    </message>
    <message>
        <source>&amp;Analyse</source>
        <translation>&amp;Analysieren</translation>
    </message>
    <message>
        <source>Run the detector on the shown recording (decision support, not a diagnosis)</source>
        <translation>Detektor auf die angezeigte Aufzeichnung anwenden (Entscheidungsunterstützung, keine Diagnose)</translation>
    </message>
    <message>
        <source>&amp;Cancel analysis</source>
        <translation>Analyse a&amp;bbrechen</translation>
    </message>
    <message>
        <source>&amp;Explain shown window</source>
        <translation>Angezeigtes Fenster &amp;erklären</translation>
    </message>
    <message>
        <source>Which segments of the 10 s window on screen moved the model, and how much</source>
        <translation>Welche Segmente des angezeigten 10-s-Fensters das Modell beeinflusst haben und wie stark</translation>
    </message>
    <message>
        <source>&amp;Next flagged segment</source>
        <translation>&amp;Nächstes markiertes Segment</translation>
    </message>
    <message>
        <source>&amp;Previous flagged segment</source>
        <translation>&amp;Vorheriges markiertes Segment</translation>
    </message>
    <message>
        <source>&amp;Show contributions on the trace</source>
        <translation>Beiträge auf der &amp;Kurve anzeigen</translation>
    </message>
    <message>
        <source>Flagged segments panel</source>
        <translation>Bereich „Markierte Segmente“</translation>
    </message>
    <message>
        <source>Explanation panel</source>
        <translation>Bereich „Erklärung“</translation>
    </message>
    <message>
        <source>Analyse automatically after &amp;opening</source>
        <translation>Nach dem Ö&amp;ffnen automatisch analysieren</translation>
    </message>
    <message>
        <source>Analysing …</source>
        <translation>Analyse läuft …</translation>
    </message>
    <message>
        <source>Analysis cancelled.</source>
        <translation>Analyse abgebrochen.</translation>
    </message>
    <message>
        <source>Explanation cancelled.</source>
        <translation>Erklärung abgebrochen.</translation>
    </message>
    <message>
        <source>Detector unavailable — %1 The recording is shown; review it without the detector.</source>
        <translation>Detektor nicht verfügbar — %1 Die Aufzeichnung wird angezeigt; befunden Sie sie ohne den Detektor.</translation>
    </message>
    <message>
        <source>Analysis failed: %1</source>
        <translation>Analyse fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No detector model.</source>
        <translation>Kein Detektormodell.</translation>
    </message>
    <message>
        <source>Analysis failed.</source>
        <translation>Analyse fehlgeschlagen.</translation>
    </message>
    <message>
        <source>No flagged segments</source>
        <translation>Keine markierten Segmente</translation>
    </message>
    <message>
        <source>Last flagged segment</source>
        <translation>Letztes markiertes Segment</translation>
    </message>
    <message>
        <source>First flagged segment</source>
        <translation>Erstes markiertes Segment</translation>
    </message>
    <message>
        <source>Detector unavailable — %1</source>
        <translation>Detektor nicht verfügbar — %1</translation>
    </message>
    <message>
        <source>Explanation failed: %1</source>
        <translation>Erklärung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>age &lt; 40</source>
        <translation>Alter &lt; 40</translation>
    </message>
    <message>
        <source>age 40–64</source>
        <translation>Alter 40–64</translation>
    </message>
    <message>
        <source>age ≥ 65</source>
        <translation>Alter ≥ 65</translation>
    </message>
    <message>
        <source>age unknown, so the lowest thresholds</source>
        <translation>Alter unbekannt, daher die niedrigsten Schwellen</translation>
    </message>
    <message>
        <source>borderline from %1, anomalous from %2: %3, %4</source>
        <translation>grenzwertig ab %1, auffällig ab %2: %3, %4</translation>
    </message>
    <message>
        <source>Analysed in %1 s: %2, %3</source>
        <translation>Analysiert in %1 s: %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%n window(s)</source>
        <translation>
            <numerusform>%n Fenster</numerusform>
            <numerusform>%n Fenster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flagged segment(s)</source>
        <translation>
            <numerusform>%n markiertes Segment</numerusform>
            <numerusform>%n markierte Segmente</numerusform>
        </translation>
    </message>
    <message>
        <source>Not analysed — Analysis ▸ Analyse (%1) runs the detector.</source>
        <translation>Nicht analysiert — Analyse ▸ Analysieren (%1) startet den Detektor.</translation>
    </message>
    <message>
        <source>Analysis cancelled — Analysis ▸ Analyse (%1) runs it again.</source>
        <translation>Analyse abgebrochen — Analyse ▸ Analysieren (%1) startet sie erneut.</translation>
    </message>
    <message>
        <source>Next &amp;Look first window</source>
        <translation>Nächstes &amp;zuerst anzusehendes Fenster</translation>
    </message>
    <message>
        <source>A long recording&apos;s most probable flagged windows, a minute or more apart</source>
        <translation>Die wahrscheinlichsten markierten Fenster einer langen Aufzeichnung, mindestens eine Minute auseinander</translation>
    </message>
    <message>
        <source>Previous Look first window</source>
        <translation>Vorheriges zuerst anzusehendes Fenster</translation>
    </message>
    <message>
        <source>No Look first windows</source>
        <translation>Keine zuerst anzusehenden Fenster</translation>
    </message>
    <message>
        <source>First Look first window</source>
        <translation>Erstes zuerst anzusehendes Fenster</translation>
    </message>
    <message>
        <source>Last Look first window</source>
        <translation>Letztes zuerst anzusehendes Fenster</translation>
    </message>
</context>
<context>
    <name>ecglens::AuditLog</name>
    <message>
        <source>audit log %1: its folder cannot be created</source>
        <translation>Zugriffsprotokoll %1: sein Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>audit log %1: %2</source>
        <translation>Zugriffsprotokoll %1: %2</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>not one complete JSON object (damaged, or a write cut short)</source>
        <translation>kein vollständiges JSON-Objekt (beschädigt oder ein abgebrochener Schreibvorgang)</translation>
    </message>
    <message>
        <source>no link to the line before (prev_sha256) amid linked lines: written without reading the log, or the link was removed</source>
        <translation>keine Verknüpfung mit der Zeile davor (prev_sha256) zwischen verknüpften Zeilen: ohne Lesen des Protokolls geschrieben, oder die Verknüpfung wurde entfernt</translation>
    </message>
    <message>
        <source>the first line does not start a chain: lines were removed before it</source>
        <translation>die erste Zeile beginnt keine Kette: Zeilen davor wurden entfernt</translation>
    </message>
    <message>
        <source>does not follow line %1: a line was changed, inserted or removed there</source>
        <translation>folgt nicht auf Zeile %1: dort wurde eine Zeile geändert, eingefügt oder entfernt</translation>
    </message>
    <message>
        <source>the line an earlier check ended with (SHA-256 %1) is gone: lines were removed from the end, or changed</source>
        <translation>die Zeile, mit der eine frühere Prüfung endete (SHA-256 %1), fehlt: Zeilen wurden am Ende entfernt oder geändert</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
</context>
<context>
    <name>ecglens::ComparisonView</name>
    <message>
        <source>recording date unknown</source>
        <translation>Aufnahmedatum unbekannt</translation>
    </message>
    <message>
        <source>recorded %1 %2</source>
        <translation>aufgenommen %1 %2</translation>
    </message>
    <message>
        <source>no patient ID</source>
        <translation>keine Patienten-ID</translation>
    </message>
    <message>
        <source>patient %1</source>
        <translation>Patient %1</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n Jahr</numerusform>
            <numerusform>%n Jahre</numerusform>
        </translation>
    </message>
    <message>
        <source>male</source>
        <translation>männlich</translation>
    </message>
    <message>
        <source>female</source>
        <translation>weiblich</translation>
    </message>
    <message>
        <source>Close comparison</source>
        <translation>Vergleich schließen</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4 s</source>
        <translation>%1 · %2 · %3 · %4 s</translation>
    </message>
    <message>
        <source>For comparison: %1</source>
        <translation>Zum Vergleich: %1</translation>
    </message>
    <message>
        <source>Different patient: ID %1 here, %2 in the shown ECG. Check that the comparison is meant.</source>
        <translation>Anderer Patient: ID %1 hier, %2 im angezeigten EKG. Prüfen, ob dieser Vergleich gemeint ist.</translation>
    </message>
    <message>
        <source>A patient ID is missing: check that both ECGs are of the same patient.</source>
        <translation>Eine Patienten-ID fehlt: prüfen, ob beide EKGs vom selben Patienten stammen.</translation>
    </message>
    <message>
        <source>Back to the shown ECG alone</source>
        <translation>Zurück zum angezeigten EKG allein</translation>
    </message>
    <message>
        <source>Different names: %1 here, %2 in the shown ECG. Check that the comparison is meant.</source>
        <translation>Andere Namen: %1 hier, %2 im angezeigten EKG. Prüfen, ob dieser Vergleich gemeint ist.</translation>
    </message>
</context>
<context>
    <name>ecglens::ContributionLegend</name>
    <message>
        <source>Contribution of each segment to the model output, in log-odds of an abnormal ECG. Red pushes towards anomalous, blue towards normal; contributions smaller than %1 are hidden.</source>
        <translation>Beitrag jedes Segments zur Modellausgabe, in Log-Odds eines abnormalen EKGs. Rot verschiebt in Richtung auffällig, Blau in Richtung normal; Beiträge kleiner als %1 werden ausgeblendet.</translation>
    </message>
    <message>
        <source>← towards normal</source>
        <translation>← in Richtung normal</translation>
    </message>
    <message>
        <source>towards anomalous →</source>
        <translation>in Richtung auffällig →</translation>
    </message>
    <message>
        <source>0 (log-odds; |v| &lt; %1 hidden)</source>
        <translation>0 (Log-Odds; |v| &lt; %1 ausgeblendet)</translation>
    </message>
    <message>
        <source>0 (log-odds)</source>
        <translation>0 (Log-Odds)</translation>
    </message>
</context>
<context>
    <name>ecglens::DecisionPanel</name>
    <message>
        <source>your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Findings, reasons, follow-up …</source>
        <translation>Befunde, Begründung, weiteres Vorgehen …</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Befunder</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Open a recording to record a decision.</source>
        <translation>Öffnen Sie eine Aufzeichnung, um eine Entscheidung zu erfassen.</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>no reviewer name</source>
        <translation>kein Befundername</translation>
    </message>
    <message>
        <source>Earlier decisions:</source>
        <translation>Frühere Entscheidungen:</translation>
    </message>
    <message>
        <source>Detector: no verdict yet.</source>
        <translation>Detektor: noch keine Einstufung.</translation>
    </message>
    <message>
        <source>Your decision differs from the detector&apos;s verdict.</source>
        <translation>Ihre Entscheidung weicht von der Einstufung des Detektors ab.</translation>
    </message>
    <message>
        <source>Detector: %1, %2 (model %3).</source>
        <translation>Detektor: %1, %2 (Modell %3).</translation>
    </message>
    <message>
        <source>Record calipers as</source>
        <translation>Messzirkel übernehmen als</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected caliper measurement</source>
        <translation>Die ausgewählte Messzirkel-Messung entfernen</translation>
    </message>
    <message>
        <source>Calipers</source>
        <translation>Messzirkel</translation>
    </message>
    <message>
        <source>None. Measure with Tools ▸ Calipers, then record the interval with a button below.</source>
        <translation>Keine. Mit Extras ▸ Messzirkel messen, dann das Intervall mit einer Schaltfläche unten übernehmen.</translation>
    </message>
    <message>
        <source>Record the calipers&apos; %1 ms on lead %2 as the %3</source>
        <translation>Die %1 ms des Messzirkels in Ableitung %2 als %3 übernehmen</translation>
    </message>
    <message>
        <source>Place the calipers (Tools ▸ Calipers) to record an interval</source>
        <translation>Zum Übernehmen eines Intervalls den Messzirkel setzen (Extras ▸ Messzirkel)</translation>
    </message>
    <message>
        <source>Intervals you measured with the calipers, saved with the review and printed in the report beside the automatic values; double-click one to put the calipers back where it was measured</source>
        <translation>Mit dem Messzirkel gemessene Intervalle, mit der Befundung gespeichert und im Bericht neben den automatischen Werten gedruckt; Doppelklick setzt den Messzirkel wieder an die Stelle der Messung</translation>
    </message>
    <message>
        <source>    Note: %1</source>
        <translation>    Notiz: %1</translation>
    </message>
    <message>
        <source>Caliper measurements</source>
        <translation>Messungen mit dem Messzirkel</translation>
    </message>
</context>
<context>
    <name>ecglens::EcgViewer</name>
    <message>
        <source>ECG traces</source>
        <translation>EKG-Kurven</translation>
    </message>
    <message>
        <source>No recording shown.</source>
        <translation>Keine Aufzeichnung angezeigt.</translation>
    </message>
    <message>
        <source>Leads %1; %2 to %3 s of %4 s shown at %5 mm/s and %6 mm/mV.</source>
        <translation>Ableitungen %1; %2 bis %3 s von %4 s, dargestellt mit %5 mm/s und %6 mm/mV.</translation>
    </message>
</context>
<context>
    <name>ecglens::EngineWorker</name>
    <message>
        <source>No detector model in %1 (ECGLENS_MODEL_DIR): manifest.json not found there or in %2. Point ECGLENS_MODEL_DIR to a model folder or unset it to use the shipped model.</source>
        <translation>Kein Detektormodell in %1 (ECGLENS_MODEL_DIR): manifest.json wurde weder dort noch in %2 gefunden. Lassen Sie ECGLENS_MODEL_DIR auf einen Modellordner verweisen, oder entfernen Sie die Variable, um das mitgelieferte Modell zu verwenden.</translation>
    </message>
    <message>
        <source>No detector model found: the shipped model &quot;%1&quot; is not installed. Reinstall ECG Lens or set ECGLENS_MODEL_DIR.</source>
        <translation>Kein Detektormodell gefunden: Das mitgelieferte Modell „%1“ ist nicht installiert. Installieren Sie ECG Lens neu, oder setzen Sie ECGLENS_MODEL_DIR.</translation>
    </message>
    <message>
        <source>Detector model in %1 refused: %2</source>
        <translation>Detektormodell in %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 min long: open it to analyse it</source>
        <translation>%1 min lang: zum Analysieren öffnen</translation>
    </message>
    <message>
        <source>%1: the file holds no signal to display.</source>
        <translation>%1: Die Datei enthält kein darstellbares Signal.</translation>
    </message>
    <message>
        <source>window at %1 s: %2</source>
        <translation>Fenster bei %1 s: %2</translation>
    </message>
</context>
<context>
    <name>ecglens::ExplanationPanel</name>
    <message>
        <source>Show on the trace</source>
        <translation>Auf der Kurve anzeigen</translation>
    </message>
    <message>
        <source>Per lead (sum of its segments, log-odds)</source>
        <translation>Je Ableitung (Summe ihrer Segmente, Log-Odds)</translation>
    </message>
    <message>
        <source>From the base value to the model output</source>
        <translation>Vom Basiswert zur Modellausgabe</translation>
    </message>
    <message>
        <source>Beats × leads</source>
        <translation>Schläge × Ableitungen</translation>
    </message>
    <message>
        <source>1-s segments × leads</source>
        <translation>1-s-Segmente × Ableitungen</translation>
    </message>
    <message>
        <source>Leads only (exact)</source>
        <translation>Nur Ableitungen (exakt)</translation>
    </message>
    <message>
        <source>What the contributions are computed for. Beats × leads and 1-s segments × leads use KernelSHAP when there are more than 14 players; leads only (one player per lead) is exact.</source>
        <translation>Wofür die Beiträge berechnet werden. Schläge × Ableitungen und 1-s-Segmente × Ableitungen verwenden KernelSHAP, wenn es mehr als 14 Spieler gibt; nur Ableitungen (ein Spieler je Ableitung) ist exakt.</translation>
    </message>
    <message>
        <source>Isoelectric</source>
        <translation>Isoelektrisch</translation>
    </message>
    <message>
        <source>Normal template (PTB-XL)</source>
        <translation>Normalvorlage (PTB-XL)</translation>
    </message>
    <message>
        <source>What replaces a removed segment: the flat isoelectric level, or the average normal beat of PTB-XL placed at each detected beat (needs detected beats).</source>
        <translation>Was ein entferntes Segment ersetzt: das flache isoelektrische Niveau oder der mittlere Normalschlag aus PTB-XL, an jedem erkannten Schlag eingesetzt (erfordert erkannte Schläge).</translation>
    </message>
    <message>
        <source>&amp;Players:</source>
        <translation>&amp;Spieler:</translation>
    </message>
    <message>
        <source>&amp;Baseline:</source>
        <translation>&amp;Referenz:</translation>
    </message>
    <message>
        <source>Coloured bands over each explained (lead, beat) segment</source>
        <translation>Farbige Bänder über jedem erklärten Segment (Ableitung, Schlag)</translation>
    </message>
    <message>
        <source>Hide below</source>
        <translation>Ausblenden unter</translation>
    </message>
    <message>
        <source>Hide contributions smaller than this share of the largest</source>
        <translation>Beiträge ausblenden, die kleiner als dieser Anteil des größten Beitrags sind</translation>
    </message>
    <message>
        <source> log-odds</source>
        <translation> Log-Odds</translation>
    </message>
    <message>
        <source>Contributions with |value| below this are not drawn</source>
        <translation>Beiträge mit |Wert| unter dieser Grenze werden nicht dargestellt</translation>
    </message>
    <message>
        <source>removed segments replaced by: %1 baseline</source>
        <translation>entfernte Segmente ersetzt durch Referenz: %1</translation>
    </message>
    <message>
        <source>%1–%2 s</source>
        <translation>%1–%2 s</translation>
    </message>
    <message>
        <source>Explaining %1 …</source>
        <translation>%1 wird erklärt …</translation>
    </message>
    <message>
        <source>Explaining %1 … %2 %</source>
        <translation>%1 wird erklärt … %2 %</translation>
    </message>
    <message>
        <source>%1 %2–%3 s</source>
        <translation>%1 %2–%3 s</translation>
    </message>
    <message>
        <source>Window %1–%2 s: probability of abnormal %3 (all segments removed: %4); log-odds %5 → %6.</source>
        <translation>Fenster %1–%2 s: Wahrscheinlichkeit eines abnormalen EKGs %3 (alle Segmente entfernt: %4); Log-Odds %5 → %6.</translation>
    </message>
    <message>
        <source>lead × beat</source>
        <translation>Ableitung × Schlag</translation>
    </message>
    <message>
        <source>lead × 1 s</source>
        <translation>Ableitung × 1 s</translation>
    </message>
    <message>
        <source>whole leads</source>
        <translation>ganze Ableitungen</translation>
    </message>
    <message>
        <source>Exact Shapley values over %1 players (%2), %3 model evaluations.</source>
        <translation>Exakte Shapley-Werte über %1 Spieler (%2), %3 Modellauswertungen.</translation>
    </message>
    <message>
        <source>KernelSHAP over %1 players (%2), %3 model evaluations; largest standard error %4.</source>
        <translation>KernelSHAP über %1 Spieler (%2), %3 Modellauswertungen; größter Standardfehler %4.</translation>
    </message>
    <message>
        <source>Removed segments replaced by the %1 baseline.</source>
        <translation>Entfernte Segmente durch die Referenz „%1“ ersetzt.</translation>
    </message>
    <message>
        <source>Efficiency check passed: the contributions add up to output − base within %1 (tolerance %2).</source>
        <translation>Effizienzprüfung bestanden: Die Beiträge ergeben in der Summe Ausgabe − Basis mit einer Abweichung von %1 (Toleranz %2).</translation>
    </message>
    <message>
        <source>Efficiency check FAILED — these contributions are not reliable: %1</source>
        <translation>Effizienzprüfung NICHT BESTANDEN — diese Beiträge sind nicht verlässlich: %1</translation>
    </message>
    <message>
        <source>error %1 &gt; tolerance %2</source>
        <translation>Fehler %1 &gt; Toleranz %2</translation>
    </message>
    <message>
        <source>isoelectric</source>
        <translation>isoelektrisch</translation>
    </message>
    <message>
        <source>normal template</source>
        <translation>Normalschlag-Vorlage</translation>
    </message>
    <message>
        <source>No explanation yet. Pick a flagged segment, or Analysis ▸ Explain shown window (%1).</source>
        <translation>Noch keine Erklärung. Wählen Sie ein markiertes Segment oder Analyse ▸ Angezeigtes Fenster erklären (%1).</translation>
    </message>
    <message>
        <source>Hide contributions below</source>
        <translation>Beiträge ausblenden unter</translation>
    </message>
</context>
<context>
    <name>ecglens::FileActions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Export report (PDF)…</source>
        <translation>Bericht &amp;exportieren (PDF)…</translation>
    </message>
    <message>
        <source>Export &amp;anonymised report (PDF)…</source>
        <translation>&amp;Anonymisierten Bericht exportieren (PDF)…</translation>
    </message>
    <message>
        <source>The report without patient ID, file name, dates other than the year, ages over 89, reviewer and note</source>
        <translation>Der Bericht ohne Patienten-ID, Dateinamen, Datumsangaben außer dem Jahr, Altersangaben über 89, Befunder und Notiz</translation>
    </message>
    <message>
        <source>&amp;Print report…</source>
        <translation>Bericht &amp;drucken…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>All supported recordings (*.hea *.edf *.bdf *.rec *.csv *.txt *.tsv *.scp *.xml *.dcm)</source>
        <translation>Alle unterstützten Aufzeichnungen (*.hea *.edf *.bdf *.rec *.csv *.txt *.tsv *.scp *.xml *.dcm)</translation>
    </message>
    <message>
        <source>WFDB records (*.hea)</source>
        <translation>WFDB-Datensätze (*.hea)</translation>
    </message>
    <message>
        <source>EDF / EDF+ / BDF (*.edf *.bdf *.rec)</source>
        <translation>EDF / EDF+ / BDF (*.edf *.bdf *.rec)</translation>
    </message>
    <message>
        <source>CSV and text tables (*.csv *.txt *.tsv)</source>
        <translation>CSV- und Texttabellen (*.csv *.txt *.tsv)</translation>
    </message>
    <message>
        <source>SCP-ECG (*.scp)</source>
        <translation>SCP-ECG (*.scp)</translation>
    </message>
    <message>
        <source>HL7 aECG XML (*.xml)</source>
        <translation>HL7 aECG XML (*.xml)</translation>
    </message>
    <message>
        <source>DICOM ECG waveform (*.dcm)</source>
        <translation>DICOM-EKG-Kurvendaten (*.dcm)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open recording</source>
        <translation>Aufzeichnung öffnen</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Open &amp;folder as worklist…</source>
        <translation>&amp;Ordner als Arbeitsliste öffnen…</translation>
    </message>
    <message>
        <source>List every recording in a folder with its review state</source>
        <translation>Alle Aufzeichnungen eines Ordners mit ihrem Befundungsstand auflisten</translation>
    </message>
    <message>
        <source>Open &amp;next not reviewed</source>
        <translation>&amp;Nächste nicht befundete öffnen</translation>
    </message>
    <message>
        <source>Open the next recording of the worklist that has no decision yet</source>
        <translation>Die nächste Aufzeichnung der Arbeitsliste ohne Entscheidung öffnen</translation>
    </message>
    <message>
        <source>Open folder as worklist</source>
        <translation>Ordner als Arbeitsliste öffnen</translation>
    </message>
    <message>
        <source>Co&amp;mpare with another ECG…</source>
        <translation>Mit anderem EKG &amp;vergleichen…</translation>
    </message>
    <message>
        <source>Show another ECG of the patient, e.g. an earlier one, under the shown one with both ECGs&apos; measurements and the change</source>
        <translation>Ein anderes EKG des Patienten, etwa ein früheres, unter dem angezeigten zeigen, mit den Messwerten beider EKGs und der Änderung</translation>
    </message>
    <message>
        <source>ECG to compare with</source>
        <translation>EKG zum Vergleich</translation>
    </message>
    <message>
        <source>Compare with the &amp;previous ECG of this patient</source>
        <translation>Mit dem vorigen EKG dieses &amp;Patienten vergleichen</translation>
    </message>
    <message>
        <source>The latest ECG of the same patient ID recorded before the shown one, from the worklist</source>
        <translation>Das letzte vor dem angezeigten aufgenommene EKG derselben Patienten-ID, aus der Arbeitsliste</translation>
    </message>
    <message>
        <source>Report &amp;signing certificate…</source>
        <translation>&amp;Signaturzertifikat für Berichte…</translation>
    </message>
    <message>
        <source>Sign exported reports digitally with your certificate (PKCS#12 file); PDF readers then show who signed and whether the report changed since</source>
        <translation>Exportierte Berichte mit Ihrem Zertifikat (PKCS#12-Datei) digital signieren; PDF-Reader zeigen dann, wer signiert hat und ob der Bericht seither geändert wurde</translation>
    </message>
    <message>
        <source>Report signing certificate</source>
        <translation>Signaturzertifikat für Berichte</translation>
    </message>
    <message>
        <source>Exported reports are signed with %1.</source>
        <translation>Exportierte Berichte werden mit %1 signiert.</translation>
    </message>
    <message>
        <source>Choose another…</source>
        <translation>Anderes wählen…</translation>
    </message>
    <message>
        <source>Stop signing</source>
        <translation>Nicht mehr signieren</translation>
    </message>
    <message>
        <source>Exported reports are no longer signed.</source>
        <translation>Exportierte Berichte werden nicht mehr signiert.</translation>
    </message>
    <message>
        <source>Certificates with their private key (*.p12 *.pfx);;All files (*)</source>
        <translation>Zertifikate mit privatem Schlüssel (*.p12 *.pfx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Exported reports will be signed with %1; its password is asked at each export.</source>
        <translation>Exportierte Berichte werden mit %1 signiert; das Passwort wird bei jedem Export abgefragt.</translation>
    </message>
</context>
<context>
    <name>ecglens::FlaggedPanel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Click a segment to show it and explain the model&apos;s output there (F / Shift+F: next / previous)</source>
        <translation>Klicken Sie auf ein Segment, um es anzuzeigen und die Modellausgabe dort zu erklären (F / Shift+F: nächstes / vorheriges)</translation>
    </message>
    <message>
        <source>Time (h:mm:ss)</source>
        <translation>Zeit (h:mm:ss)</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>No segment reaches the anomalous threshold.</source>
        <translation>Kein Segment erreicht die Schwelle für „Auffällig“.</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s) at or above the anomalous threshold — click to review.</source>
        <translation>
            <numerusform>%n Segment erreicht oder überschreitet die Schwelle für „Auffällig“ — zum Prüfen anklicken.</numerusform>
            <numerusform>%n Segmente erreichen oder überschreiten die Schwelle für „Auffällig“ — zum Prüfen anklicken.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not analysed.</source>
        <translation>Nicht analysiert.</translation>
    </message>
    <message>
        <source>Flagged segments</source>
        <translation>Markierte Segmente</translation>
    </message>
    <message>
        <source>Windows to look at first</source>
        <translation>Zuerst anzusehende Fenster</translation>
    </message>
    <message>
        <source>On a long recording most windows can be flagged, so the segments above may span most of it. On the MIT-BIH Holter records these windows held annotated events somewhat more often than the recording&apos;s windows as a whole (see the model card); they are where to start, not the only places to look.</source>
        <translation>Bei einer langen Aufzeichnung können die meisten Fenster markiert sein, sodass die Segmente darüber fast die ganze Aufzeichnung umfassen können. In den Holter-Aufzeichnungen von MIT-BIH enthielten diese Fenster etwas häufiger annotierte Ereignisse als die Fenster der Aufzeichnung insgesamt (siehe Modellkarte); sie sind ein Anfang, nicht die einzigen Stellen zum Ansehen.</translation>
    </message>
    <message>
        <source>Click a window to show it and explain the model&apos;s output there</source>
        <translation>Klicken Sie auf ein Fenster, um es anzuzeigen und die Modellausgabe dort zu erklären</translation>
    </message>
    <message numerus="yes">
        <source>Look first: the %n most probable flagged window(s), a minute or more apart</source>
        <translation>
            <numerusform>Zuerst ansehen: %n wahrscheinlichstes markiertes Fenster</numerusform>
            <numerusform>Zuerst ansehen: die %n wahrscheinlichsten markierten Fenster, mindestens eine Minute auseinander</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ecglens::HelpActions</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Open &amp;demo (synthetic ECG)</source>
        <translation>&amp;Demo öffnen (synthetisches EKG)</translation>
    </message>
    <message>
        <source>&amp;About ECG Lens</source>
        <translation>Ü&amp;ber ECG Lens</translation>
    </message>
    <message>
        <source>About ECG Lens</source>
        <translation>Über ECG Lens</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ECG Lens %1&lt;/h3&gt;&lt;p&gt;A review workstation for resting and ambulatory ECGs.&lt;/p&gt;&lt;p&gt;&lt;b&gt;ECG Lens supports a clinician&apos;s review. It does not diagnose.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Licence: GNU General Public License, version 3 or (at your option) any later version (GPL-3.0-or-later). No warranty.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (LGPLv3/GPL) and QCustomPlot (GPL, Emanuel Eichhammer).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data credits.&lt;/b&gt; The detector models and the normal-beat explanation baseline are derived from PTB-XL (Wagner P, Strodthoff N, Bousseljot R-D, et al. PTB-XL, a large publicly available electrocardiography dataset. Scientific Data 7, 154 (2020)), licensed under Creative Commons Attribution 4.0 (CC BY 4.0), distributed by PhysioNet. Development and tests also use the MIT-BIH Arrhythmia Database (Moody &amp;amp; Mark 2001, ODC-By 1.0) and LUDB (Kalyakulina et al. 2020, ODC-By 1.0). The built-in demo is synthetic (ECGSYN model, McSharry et al. 2003), not patient data.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ECG Lens %1&lt;/h3&gt;&lt;p&gt;Ein Befundungsarbeitsplatz für Ruhe- und Langzeit-EKGs.&lt;/p&gt;&lt;p&gt;&lt;b&gt;ECG Lens unterstützt die ärztliche Befundung. Es stellt keine Diagnose.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Lizenz: GNU General Public License, Version 3 oder (nach Ihrer Wahl) jede spätere Version (GPL-3.0-or-later). Keine Gewährleistung.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2 (LGPLv3/GPL) und QCustomPlot (GPL, Emanuel Eichhammer).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Datennachweise.&lt;/b&gt; Die Detektormodelle und die Normalschlag-Referenz für Erklärungen sind aus PTB-XL abgeleitet (Wagner P, Strodthoff N, Bousseljot R-D, et al. PTB-XL, a large publicly available electrocardiography dataset. Scientific Data 7, 154 (2020)), lizenziert unter Creative Commons Attribution 4.0 (CC BY 4.0), bereitgestellt über PhysioNet. Für Entwicklung und Tests werden außerdem die MIT-BIH Arrhythmia Database (Moody &amp;amp; Mark 2001, ODC-By 1.0) und LUDB (Kalyakulina et al. 2020, ODC-By 1.0) verwendet. Die eingebaute Demo ist synthetisch (ECGSYN-Modell, McSharry et al. 2003) und enthält keine Patientendaten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Audit log.&lt;/b&gt; Off (site setting audit/log).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Zugriffsprotokoll.&lt;/b&gt; Aus (Standorteinstellung audit/log).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Audit log.&lt;/b&gt; Openings, decisions, reports and worklists are recorded in %1. Each line is linked to the one before it; &lt;code&gt;ecglens-cli audit&lt;/code&gt; finds a line changed, inserted or removed since.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Zugriffsprotokoll.&lt;/b&gt; Öffnungen, Befundentscheidungen, Berichte und Arbeitslisten werden in %1 vermerkt. Jede Zeile ist mit der Zeile davor verknüpft; &lt;code&gt;ecglens-cli audit&lt;/code&gt; findet eine seither geänderte, eingefügte oder entfernte Zeile.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Reviews.&lt;/b&gt; Saved beside each recording; for recordings in folders that cannot take them, in %1 (setting reviews/folder).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Befundungen.&lt;/b&gt; Neben jeder Aufzeichnung gespeichert; für Aufzeichnungen in Ordnern, die sie nicht aufnehmen können, in %1 (Einstellung reviews/folder).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ecglens::LeadContributionChart</name>
    <message>
        <source>contribution (log-odds): ← normal | anomalous →</source>
        <translation>Beitrag (Log-Odds): ← normal | auffällig →</translation>
    </message>
    <message>
        <source>Contribution of each lead to the model output (Shapley values of a game whose players are whole leads)</source>
        <translation>Beitrag jeder Ableitung zur Modellausgabe (Shapley-Werte eines Spiels, dessen Spieler ganze Ableitungen sind)</translation>
    </message>
    <message>
        <source>Contribution per lead</source>
        <translation>Beitrag je Ableitung</translation>
    </message>
    <message>
        <source>No contributions yet.</source>
        <translation>Noch keine Beiträge.</translation>
    </message>
    <message>
        <source>Log-odds contribution of each lead, largest first (+ towards anomalous): %1.</source>
        <translation>Beitrag jeder Ableitung in Log-Odds, größter zuerst (+ in Richtung auffällig): %1.</translation>
    </message>
</context>
<context>
    <name>ecglens::MainWindow</name>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>cursor %1</source>
        <translation>Cursor %1</translation>
    </message>
    <message>
        <source>Patient details edited (saved with the review)</source>
        <translation>Patientenangaben bearbeitet (werden mit der Befundung gespeichert)</translation>
    </message>
    <message>
        <source>Patient details edited</source>
        <translation>Patientenangaben bearbeitet</translation>
    </message>
    <message>
        <source>Review decision</source>
        <translation>Befundentscheidung</translation>
    </message>
    <message>
        <source>Open a recording first</source>
        <translation>Öffnen Sie zuerst eine Aufzeichnung</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Open a recording to see advice.</source>
        <translation>Öffnen Sie eine Aufzeichnung, um Hinweise zu sehen.</translation>
    </message>
    <message>
        <source>measurements</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>no measurements yet</source>
        <translation>noch keine Messwerte</translation>
    </message>
    <message>
        <source>the detector&apos;s verdict</source>
        <translation>Einstufung des Detektors</translation>
    </message>
    <message>
        <source>no verdict yet</source>
        <translation>noch keine Einstufung</translation>
    </message>
    <message>
        <source>age %1</source>
        <translation>Alter %1</translation>
    </message>
    <message>
        <source>age unknown</source>
        <translation>Alter unbekannt</translation>
    </message>
    <message>
        <source>From %1.</source>
        <translation>Grundlage: %1.</translation>
    </message>
    <message>
        <source>Open a recording to record a decision.</source>
        <translation>Öffnen Sie eine Aufzeichnung, um eine Entscheidung zu erfassen.</translation>
    </message>
    <message>
        <source>Synthetic demo recording: nothing to review, so no decision is saved.</source>
        <translation>Synthetische Demo-Aufzeichnung: Es gibt nichts zu befunden, daher wird keine Entscheidung gespeichert.</translation>
    </message>
    <message>
        <source>Reading the review of this recording …</source>
        <translation>Befundung dieser Aufzeichnung wird gelesen …</translation>
    </message>
    <message>
        <source> — shown read-only, not changed.</source>
        <translation> — schreibgeschützt angezeigt, nicht geändert.</translation>
    </message>
    <message>
        <source> — kept under another name when your first entry is saved.</source>
        <translation> — wird beim Speichern Ihrer ersten Eingabe unter einem anderen Namen aufbewahrt.</translation>
    </message>
    <message>
        <source>Review read from %1.</source>
        <translation>Befundung aus %1 gelesen.</translation>
    </message>
    <message>
        <source>Not reviewed yet. Your entries are saved automatically beside the recording (never inside it).</source>
        <translation>Noch nicht befundet. Ihre Eingaben werden automatisch neben der Aufzeichnung gespeichert (niemals in ihr).</translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>NOT SAVED: %1. Your entries are still here; they are saved again with the next change.</source>
        <translation>NICHT GESPEICHERT: %1. Ihre Eingaben sind weiterhin vorhanden; sie werden bei der nächsten Änderung erneut gespeichert.</translation>
    </message>
    <message>
        <source>Saved %1 to %2.</source>
        <translation>Um %1 in %2 gespeichert.</translation>
    </message>
    <message>
        <source>The unreadable earlier file was kept as %1.</source>
        <translation>Die nicht lesbare frühere Datei wurde als %1 aufbewahrt.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Supports a clinician&apos;s review — does not diagnose.</source>
        <translation>Unterstützt die ärztliche Befundung — stellt keine Diagnose.</translation>
    </message>
    <message>
        <source>Opening %p%</source>
        <translation>Öffnen %p%</translation>
    </message>
    <message>
        <source>Analysing %p%</source>
        <translation>Analyse %p%</translation>
    </message>
    <message>
        <source>Explaining %p%</source>
        <translation>Erklärung %p%</translation>
    </message>
    <message>
        <source>Opening %1 …</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>Laden abgebrochen</translation>
    </message>
    <message>
        <source>%1: the file holds no signal to display (annotations only?).</source>
        <translation>%1: Die Datei enthält kein anzeigbares Signal (nur Annotationen?).</translation>
    </message>
    <message>
        <source>Cannot open recording</source>
        <translation>Aufzeichnung kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>Unbekannter Fehler</translation>
    </message>
    <message>
        <source>Opened in %1 s</source>
        <translation>Geöffnet in %1 s</translation>
    </message>
    <message>
        <source>Filtering for display …</source>
        <translation>Filterung für die Anzeige …</translation>
    </message>
    <message>
        <source>synthetic demo</source>
        <translation>synthetische Demo</translation>
    </message>
    <message>
        <source>[SYNTHETIC DEMO] </source>
        <translation>[SYNTHETISCHE DEMO] </translation>
    </message>
    <message>
        <source>SYNTHETIC DEMO — a generated ECG (ECGSYN model), not a patient recording</source>
        <translation>SYNTHETISCHE DEMO — ein generiertes EKG (ECGSYN-Modell), keine Patientenaufzeichnung</translation>
    </message>
    <message>
        <source>No recording — File ▸ Open, drop a file, or Help ▸ Open demo</source>
        <translation>Keine Aufzeichnung — Datei ▸ Öffnen, Datei hierher ziehen oder Hilfe ▸ Demo öffnen</translation>
    </message>
    <message>
        <source>%1 · %2 leads · %3 Hz · %4 · %5</source>
        <translation>%1 · %2 Ableitungen · %3 Hz · %4 · %5</translation>
    </message>
    <message>
        <source>display filtered</source>
        <translation>Anzeige gefiltert</translation>
    </message>
    <message>
        <source>raw signal</source>
        <translation>Rohsignal</translation>
    </message>
    <message>
        <source>Review not saved</source>
        <translation>Befundung nicht gespeichert</translation>
    </message>
    <message>
        <source>The review of %1 could not be saved:
%2

Close anyway and lose the unsaved entries?</source>
        <translation>Die Befundung von %1 konnte nicht gespeichert werden:
%2

Trotzdem schließen und die nicht gespeicherten Eingaben verwerfen?</translation>
    </message>
    <message>
        <source>&amp;Patient panel</source>
        <translation>Bereich „&amp;Patient“</translation>
    </message>
    <message>
        <source>Review &amp;decision panel</source>
        <translation>Bereich „&amp;Befundentscheidung“</translation>
    </message>
    <message>
        <source>&amp;Advice panel</source>
        <translation>Bereich „&amp;Hinweise“</translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation>Arbeitsliste</translation>
    </message>
    <message>
        <source>No worklist: open a folder first (File ▸ Open folder as worklist).</source>
        <translation>Keine Arbeitsliste: zuerst einen Ordner öffnen (Datei ▸ Ordner als Arbeitsliste öffnen).</translation>
    </message>
    <message>
        <source>No recording without a decision listed yet; the folder is still being read.</source>
        <translation>Noch keine Aufzeichnung ohne Entscheidung aufgelistet; der Ordner wird noch gelesen.</translation>
    </message>
    <message>
        <source>Wor&amp;klist panel</source>
        <translation>Bereich „Ar&amp;beitsliste“</translation>
    </message>
    <message>
        <source>Every readable recording the worklist shows has a decision (check its filters).</source>
        <translation>Jede lesbare Aufzeichnung, die die Arbeitsliste zeigt, hat eine Entscheidung (Filter prüfen).</translation>
    </message>
    <message>
        <source>Not recorded in the audit log: %1. Tell your IT department.</source>
        <translation>Nicht im Zugriffsprotokoll vermerkt: %1. Bitte die IT-Abteilung verständigen.</translation>
    </message>
    <message>
        <source>Open a recording first, then compare it with another.</source>
        <translation>Zuerst eine Aufzeichnung öffnen, dann mit einer anderen vergleichen.</translation>
    </message>
    <message>
        <source>That is the recording shown; choose another ECG to compare it with.</source>
        <translation>Das ist die angezeigte Aufzeichnung; ein anderes EKG zum Vergleich wählen.</translation>
    </message>
    <message>
        <source>Opening %1 for comparison …</source>
        <translation>%1 wird zum Vergleich geöffnet …</translation>
    </message>
    <message>
        <source>Cannot open the ECG for comparison</source>
        <translation>EKG zum Vergleich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation>Angezeigt: %1</translation>
    </message>
    <message>
        <source>Comparing with %1.</source>
        <translation>Vergleich mit %1.</translation>
    </message>
    <message>
        <source>The shown recording is not in the worklist: open its folder as a worklist to find the patient&apos;s earlier ECGs.</source>
        <translation>Die angezeigte Aufzeichnung steht nicht in der Arbeitsliste: ihren Ordner als Arbeitsliste öffnen, um frühere EKGs des Patienten zu finden.</translation>
    </message>
    <message>
        <source>The shown recording has no patient ID or recording date to find an earlier ECG by.</source>
        <translation>Die angezeigte Aufzeichnung hat keine Patienten-ID oder kein Aufnahmedatum, um ein früheres EKG zu finden.</translation>
    </message>
    <message>
        <source>No earlier ECG of patient %1 in the worklist.</source>
        <translation>Kein früheres EKG von Patient %1 in der Arbeitsliste.</translation>
    </message>
    <message>
        <source>your calipers (%1)</source>
        <translation>Ihre Messzirkel-Werte (%1)</translation>
    </message>
    <message>
        <source>%1 as measured: %2</source>
        <translation>%1 wie gemessen: %2</translation>
    </message>
    <message>
        <source>Reader warnings</source>
        <translation>Warnungen beim Lesen</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n reader warning(s)</source>
        <translation>
            <numerusform>⚠ %n Warnung beim Lesen</numerusform>
            <numerusform>⚠ %n Warnungen beim Lesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading %1 found problems that did not stop it; check the traces:</source>
        <translation>Beim Lesen von %1 wurden Probleme gefunden, die das Lesen nicht verhindert haben; bitte die Kurven prüfen:</translation>
    </message>
    <message>
        <source>no reviewer name</source>
        <translation>kein Befundername</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Befundung</translation>
    </message>
    <message>
        <source>Record as &amp;normal ECG</source>
        <translation>Als &amp;normales EKG befunden</translation>
    </message>
    <message>
        <source>Record as &amp;abnormal ECG</source>
        <translation>Als &amp;abnormales EKG befunden</translation>
    </message>
    <message>
        <source>Record as &amp;uncertain (second opinion or further tests)</source>
        <translation>Als &amp;unklar befunden (Zweitmeinung oder weitere Untersuchungen)</translation>
    </message>
    <message>
        <source>Recorded as %1: type your name as the reviewer.</source>
        <translation>Befundet als %1: Bitte Ihren Namen als Befunder eingeben.</translation>
    </message>
    <message>
        <source>Recorded as %1 by %2.</source>
        <translation>Befundet als %1 von %2.</translation>
    </message>
    <message>
        <source>Saved %1 to %2 and merged with what another window or workstation saved there meanwhile (%3): nothing was overwritten.</source>
        <translation>Um %1 in %2 gespeichert und mit dem zusammengeführt, was ein anderes Fenster oder ein anderer Arbeitsplatz dort inzwischen gespeichert hat (%3): Nichts wurde überschrieben.</translation>
    </message>
    <message>
        <source>Updated with what another window or workstation saved in %1 (%2).</source>
        <translation>Aktualisiert mit dem, was ein anderes Fenster oder ein anderer Arbeitsplatz in %1 gespeichert hat (%2).</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Patient in window titl&amp;e</source>
        <translation>Patient im Fenstertit&amp;el</translation>
    </message>
    <message>
        <source>Δt %1 ms · %2 bpm · ΔV %3 %4</source>
        <translation>Δt %1 ms · %2/min · ΔV %3 %4</translation>
    </message>
    <message>
        <source>file name hidden</source>
        <translation>Dateiname ausgeblendet</translation>
    </message>
</context>
<context>
    <name>ecglens::MeasurementsPanel</name>
    <message>
        <source>Automatic measurements — decision support, not a diagnosis. Confirm on the trace.</source>
        <translation>Automatische Messwerte — Entscheidungsunterstützung, keine Diagnose. Bitte an der Kurve bestätigen.</translation>
    </message>
    <message>
        <source>Measurement (unit)</source>
        <translation>Messwert (Einheit)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <source>Findings (click to show the evidence)</source>
        <translation>Befunde (anklicken, um die Belege anzuzeigen)</translation>
    </message>
    <message>
        <source>Measuring …</source>
        <translation>Messung läuft …</translation>
    </message>
    <message>
        <source>No recording</source>
        <translation>Keine Aufzeichnung</translation>
    </message>
    <message>
        <source>%1 beats analysed (0.5–40 Hz, %2 Hz notch). QRS and QT span the earliest onset to the latest offset over all leads and read longer than conventional programs: check them on the tracing.</source>
        <translation>%1 Schläge analysiert (0,5–40 Hz, Netzfilter %2 Hz). QRS und QT reichen vom frühesten Beginn bis zum spätesten Ende über alle Ableitungen und fallen länger aus als bei herkömmlichen Programmen: Prüfen Sie sie an der Kurve.</translation>
    </message>
    <message>
        <source>Heart rate (bpm)</source>
        <translation>Herzfrequenz (/min)</translation>
    </message>
    <message>
        <source>RR mean (ms)</source>
        <translation>RR-Mittelwert (ms)</translation>
    </message>
    <message>
        <source>SDNN (ms)</source>
        <translation>SDNN (ms)</translation>
    </message>
    <message>
        <source>RMSSD (ms)</source>
        <translation>RMSSD (ms)</translation>
    </message>
    <message>
        <source>pNN50 (%)</source>
        <translation>pNN50 (%)</translation>
    </message>
    <message>
        <source>PR (ms)</source>
        <translation>PR (ms)</translation>
    </message>
    <message>
        <source>QRS (ms)</source>
        <translation>QRS (ms)</translation>
    </message>
    <message>
        <source>QT (ms)</source>
        <translation>QT (ms)</translation>
    </message>
    <message>
        <source>QTc Bazett (ms)</source>
        <translation>QTc Bazett (ms)</translation>
    </message>
    <message>
        <source>QTc Fridericia (ms)</source>
        <translation>QTc Fridericia (ms)</translation>
    </message>
    <message>
        <source>P axis (deg)</source>
        <translation>P-Achse (°)</translation>
    </message>
    <message>
        <source>QRS axis (deg)</source>
        <translation>QRS-Achse (°)</translation>
    </message>
    <message>
        <source>T axis (deg)</source>
        <translation>T-Achse (°)</translation>
    </message>
    <message>
        <source>Sokolow-Lyon (mV)</source>
        <translation>Sokolow-Lyon (mV)</translation>
    </message>
    <message>
        <source>Cornell (mV)</source>
        <translation>Cornell (mV)</translation>
    </message>
    <message>
        <source>Beats (N / S / V / Q)</source>
        <translation>Schläge (N / S / V / Q)</translation>
    </message>
    <message numerus="yes">
        <source>%n evidence point(s); click to show</source>
        <translation>
            <numerusform>%n Beleg; zum Anzeigen anklicken</numerusform>
            <numerusform>%n Belege; zum Anzeigen anklicken</numerusform>
        </translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Angezeigt</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Comparison ECG: %1</source>
        <translation>Vergleichs-EKG: %1</translation>
    </message>
    <message>
        <source>A finding of the ECG shown for comparison; click to show it there</source>
        <translation>Ein Befund des zum Vergleich gezeigten EKGs; zum Anzeigen dort anklicken</translation>
    </message>
    <message>
        <source>ST level of the median beat 60 ms after J (the latest QRS offset over all leads), relative to the level just before QRS onset; positive: elevation. Confirm on the trace.</source>
        <translation>ST-Niveau des Medianschlags 60 ms nach J (dem spätesten QRS-Ende über alle Ableitungen), bezogen auf das Niveau kurz vor dem QRS-Beginn; positiv: Hebung. Am Kurvenverlauf bestätigen.</translation>
    </message>
    <message>
        <source>ST at J+60 ms (mV): %1</source>
        <translation>ST bei J+60 ms (mV): %1</translation>
    </message>
    <message>
        <source>Automatic measurements</source>
        <translation>Automatische Messwerte</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Not used, not an ECG by name or unit: %1.</source>
        <translation>Nicht verwendet, nach Name oder Einheit kein EKG: %1.</translation>
    </message>
    <message>
        <source>The stimuli are marked by magenta strokes above the traces.</source>
        <translation>Die Impulse sind durch magentafarbene Striche über den Kurven markiert.</translation>
    </message>
    <message>
        <source>The values are those of the %1 beats with pacemaker spikes.</source>
        <translation>Die Werte sind die der %1 Schläge mit Schrittmacherimpuls.</translation>
    </message>
    <message>
        <source>The values are those of the %1 beats without pacemaker spikes.</source>
        <translation>Die Werte sind die der %1 Schläge ohne Schrittmacherimpuls.</translation>
    </message>
    <message>
        <source>The values are those of the %1 paced beats (%2 of them paced by their QRS shape, no spike found).</source>
        <translation>Die Werte sind die der %1 stimulierten Schläge (%2 davon nach ihrer QRS-Form als stimuliert gewertet, ohne gefundenen Impuls).</translation>
    </message>
    <message>
        <source>The values are those of the %1 beats without pacemaker spikes or paced QRS shape.</source>
        <translation>Die Werte sind die der %1 Schläge ohne Schrittmacherimpuls und ohne stimulierte QRS-Form.</translation>
    </message>
    <message>
        <source>On paced beats QTc is graded on QT less 48.5 % of the QRS (Bogossian, then Fridericia): %1 ms.</source>
        <translation>An stimulierten Schlägen wird das QTc an der QT-Zeit abzüglich 48,5 % des QRS beurteilt (Bogossian, dann Fridericia): %1 ms.</translation>
    </message>
    <message>
        <source>On a QRS shaped as left bundle branch block QTc is graded on QT less 48.5 % of the QRS (Bogossian, then Fridericia): %1 ms.</source>
        <translation>An einem QRS in Linksschenkelblockform wird das QTc an der QT-Zeit abzüglich 48,5 % des QRS beurteilt (Bogossian, dann Fridericia): %1 ms.</translation>
    </message>
</context>
<context>
    <name>ecglens::OverviewStrip</name>
    <message>
        <source>Whole recording: click or drag to move the visible window</source>
        <translation>Gesamte Aufzeichnung: Klicken oder ziehen, um den sichtbaren Ausschnitt zu verschieben</translation>
    </message>
    <message>
        <source>Whole recording with the detector&apos;s probability per window (line; dashed: anomalous threshold): click or drag to move the visible window</source>
        <translation>Gesamte Aufzeichnung mit der Wahrscheinlichkeit des Detektors je Fenster (Linie; gestrichelt: Schwelle für „Auffällig“): Klicken oder ziehen, um den sichtbaren Ausschnitt zu verschieben</translation>
    </message>
    <message>
        <source>Overview of the whole recording</source>
        <translation>Übersicht über die ganze Aufzeichnung</translation>
    </message>
    <message>
        <source>Numbered: the Look first windows of the Flagged segments dock, 1 the most probable</source>
        <translation>Nummeriert: die zuerst anzusehenden Fenster aus „Markierte Segmente“, 1 das wahrscheinlichste</translation>
    </message>
    <message>
        <source>Look first windows, most probable first, centred at %1</source>
        <translation>Zuerst anzusehende Fenster, das wahrscheinlichste zuerst, mit Mitte bei %1</translation>
    </message>
</context>
<context>
    <name>ecglens::PatientPanel</name>
    <message>
        <source>not in file — type to add</source>
        <translation>nicht in der Datei — zum Ergänzen eingeben</translation>
    </message>
    <message>
        <source>unknown — set it</source>
        <translation>unbekannt — bitte angeben</translation>
    </message>
    <message>
        <source> years</source>
        <translation> Jahre</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>male</source>
        <translation>männlich</translation>
    </message>
    <message>
        <source>female</source>
        <translation>weiblich</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Grey fields come from the file; empty ones can be filled in (saved with the review).</source>
        <translation>Graue Felder stammen aus der Datei; leere Felder können ausgefüllt werden (werden mit der Befundung gespeichert).</translation>
    </message>
    <message>
        <source>Statements in the file:</source>
        <translation>Befundaussagen in der Datei:</translation>
    </message>
    <message>
        <source>not in file</source>
        <translation>nicht in der Datei</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
</context>
<context>
    <name>ecglens::ProbabilityTrack</name>
    <message>
        <source>Probability of an abnormal ECG per analysis window; dashed lines: borderline and anomalous thresholds; shaded: flagged segments. Click to go there.</source>
        <translation>Wahrscheinlichkeit eines abnormalen EKGs je Analysefenster; gestrichelte Linien: Schwellen für „Grenzwertig“ und „Auffällig“; schattiert: markierte Segmente. Klicken, um dorthin zu springen.</translation>
    </message>
    <message>
        <source>Probability of an abnormal ECG over time</source>
        <translation>Wahrscheinlichkeit eines auffälligen EKGs über die Zeit</translation>
    </message>
    <message>
        <source>No analysis yet.</source>
        <translation>Noch keine Analyse.</translation>
    </message>
    <message>
        <source>%1 to %2 s</source>
        <translation>%1 bis %2 s</translation>
    </message>
    <message>
        <source>%1 analysis windows; highest probability %2 in the window from %3 to %4 s; thresholds borderline %5, anomalous %6; flagged: %7.</source>
        <translation>%1 Analysefenster; höchste Wahrscheinlichkeit %2 im Fenster von %3 bis %4 s; Schwellen grenzwertig %5, auffällig %6; markiert: %7.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>ecglens::ReportExporter</name>
    <message>
        <source>Export anonymised report</source>
        <translation>Anonymisierten Bericht exportieren</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>ECG report %1</source>
        <translation>EKG-Bericht %1</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>Bericht drucken</translation>
    </message>
    <message>
        <source>the default printer</source>
        <translation>Standarddrucker</translation>
    </message>
    <message>
        <source>Printing the report …</source>
        <translation>Bericht wird gedruckt …</translation>
    </message>
    <message>
        <source>Writing the report …</source>
        <translation>Bericht wird geschrieben …</translation>
    </message>
    <message>
        <source>Printing on %1 failed: %2 Check the printer, or the file name when printing to a file.</source>
        <translation>Drucken fehlgeschlagen (%1): %2 Prüfen Sie den Drucker bzw. beim Drucken in eine Datei den Dateinamen.</translation>
    </message>
    <message>
        <source>Report not printed: %1</source>
        <translation>Bericht nicht gedruckt: %1</translation>
    </message>
    <message>
        <source>Report not written: %1</source>
        <translation>Bericht nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Anonymised report written to %1</source>
        <translation>Anonymisierter Bericht gespeichert unter %1</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Bericht gespeichert unter %1</translation>
    </message>
    <message>
        <source>Report not printed</source>
        <translation>Bericht nicht gedruckt</translation>
    </message>
    <message>
        <source>Report not written</source>
        <translation>Bericht nicht gespeichert</translation>
    </message>
    <message>
        <source>Report sent to %1 (%2 landscape; print at 100 % for true scale)</source>
        <translation>Bericht gesendet an: %1 (%2 quer; für maßstabsgetreue Ausgabe mit 100 % drucken)</translation>
    </message>
    <message>
        <source>Sign the report</source>
        <translation>Bericht signieren</translation>
    </message>
    <message>
        <source>Password of your signing certificate %1:</source>
        <translation>Passwort Ihres Signaturzertifikats %1:</translation>
    </message>
    <message>
        <source>Report written to %1, signed by %2</source>
        <translation>Bericht gespeichert unter %1, signiert von %2</translation>
    </message>
    <message>
        <source> — the signing certificate expires on %1: ask for a new one</source>
        <translation> — das Signaturzertifikat läuft am %1 ab: ein neues anfordern</translation>
    </message>
    <message>
        <source> — not explained: %1</source>
        <translation> — nicht erklärt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Explaining %n window(s) for the report …</source>
        <translation>
            <numerusform>%n Fenster wird für den Bericht erklärt …</numerusform>
            <numerusform>%n Fenster werden für den Bericht erklärt …</numerusform>
        </translation>
    </message>
    <message>
        <source> — FHIR results: %1</source>
        <translation> — FHIR-Ergebnisse: %1</translation>
    </message>
    <message>
        <source> — FHIR results not written: %1</source>
        <translation> — FHIR-Ergebnisse nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>FHIR results not written</source>
        <translation>FHIR-Ergebnisse nicht geschrieben</translation>
    </message>
    <message>
        <source>The report was written, its FHIR results were not: %1</source>
        <translation>Der Bericht wurde gespeichert, seine FHIR-Ergebnisse nicht: %1</translation>
    </message>
</context>
<context>
    <name>ecglens::ReviewStore</name>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1: nicht lesbar (%2)</translation>
    </message>
    <message>
        <source>%1: damaged review file (%2 at byte %3)</source>
        <translation>%1: beschädigte Befundungsdatei (%2 bei Byte %3)</translation>
    </message>
    <message>
        <source>%1: cannot be read to identify it (%2); the review cannot be saved</source>
        <translation>%1: zur Identifizierung nicht lesbar (%2); die Befundung kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>The review was recorded for different content of this file (SHA-256 %1…, now %2…); check it still applies.</source>
        <translation>Die Befundung wurde für einen anderen Inhalt dieser Datei erfasst (SHA-256 %1…, jetzt %2…); prüfen Sie, ob sie noch zutrifft.</translation>
    </message>
    <message>
        <source>; not replaced</source>
        <translation>; nicht ersetzt</translation>
    </message>
    <message>
        <source>; it could not be moved aside, so it was not replaced</source>
        <translation>; sie konnte nicht beiseitegelegt werden und wurde daher nicht ersetzt</translation>
    </message>
    <message>
        <source>%1: the folder is not writable and the recording could not be identified</source>
        <translation>%1: der Ordner ist nicht beschreibbar und die Aufzeichnung konnte nicht identifiziert werden</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1: cannot be read to identify the recording (%2); the review cannot be saved</source>
        <translation>%1: zur Identifizierung der Aufzeichnung nicht lesbar (%2); die Befundung kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>read error</source>
        <translation>Lesefehler</translation>
    </message>
    <message>
        <source>%1: damaged review file (%2 MB; a review is a few kB)</source>
        <translation>%1: beschädigte Befundungsdatei (%2 MB; eine Befundung umfasst wenige kB)</translation>
    </message>
    <message>
        <source>%1 is being saved by another program (lock file %2)</source>
        <translation>%1 wird gerade von einem anderen Programm gespeichert (Sperrdatei %2)</translation>
    </message>
    <message>
        <source>%1: cannot create the lock file %2</source>
        <translation>%1: die Sperrdatei %2 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>ecglens::ScreenshotRunner</name>
    <message>
        <source>timed out waiting for the analysis</source>
        <translation>Zeitüberschreitung beim Warten auf die Analyse</translation>
    </message>
    <message>
        <source>timed out waiting for the recording</source>
        <translation>Zeitüberschreitung beim Warten auf die Aufzeichnung</translation>
    </message>
</context>
<context>
    <name>ecglens::ToolsActions</name>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Extras</translation>
    </message>
    <message>
        <source>&amp;Calipers</source>
        <translation>&amp;Messzirkel</translation>
    </message>
    <message>
        <source>Click two points to measure an interval; drag a marker to move it</source>
        <translation>Klicken Sie auf zwei Punkte, um ein Intervall zu messen; ziehen Sie eine Markierung, um sie zu verschieben</translation>
    </message>
    <message>
        <source>&amp;March out interval</source>
        <translation>Intervall fortlaufend &amp;abtragen</translation>
    </message>
    <message>
        <source>Clear calipers</source>
        <translation>Messzirkel entfernen</translation>
    </message>
    <message>
        <source>Lead &amp;gain</source>
        <translation>&amp;Verstärkung je Ableitung</translation>
    </message>
    <message>
        <source>Calibrate &amp;screen size…</source>
        <translation>&amp;Bildschirmgröße kalibrieren…</translation>
    </message>
    <message>
        <source>Global gain</source>
        <translation>Globale Verstärkung</translation>
    </message>
    <message>
        <source>2.5 mm/mV</source>
        <translation>2,5 mm/mV</translation>
    </message>
    <message>
        <source>5 mm/mV</source>
        <translation>5 mm/mV</translation>
    </message>
    <message>
        <source>10 mm/mV</source>
        <translation>10 mm/mV</translation>
    </message>
    <message>
        <source>20 mm/mV</source>
        <translation>20 mm/mV</translation>
    </message>
    <message>
        <source>Calibrate screen size</source>
        <translation>Bildschirmgröße kalibrieren</translation>
    </message>
    <message>
        <source>With the current setting, 10 large squares of the paper grid should measure 50 mm.
Measure them on the screen with a ruler and enter the length in mm:</source>
        <translation>Bei der aktuellen Einstellung sollten 10 große Kästchen des Papierrasters 50 mm lang sein.
Messen Sie diese mit einem Lineal am Bildschirm nach, und geben Sie die Länge in mm ein:</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Systemsprache (%1)</translation>
    </message>
    <message>
        <source>The language changes when ECG Lens is started again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von ECG Lens.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Report &amp;paper</source>
        <translation>&amp;Papierformat des Berichts</translation>
    </message>
    <message>
        <source>As usual in this country (%1)</source>
        <translation>Wie im Land üblich (%1)</translation>
    </message>
</context>
<context>
    <name>ecglens::VerdictBanner</name>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>Decision support, not a diagnosis.</source>
        <translation>Entscheidungsunterstützung, keine Diagnose.</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Borderline</source>
        <translation>Grenzwertig</translation>
    </message>
    <message>
        <source>Anomalous</source>
        <translation>Auffällig</translation>
    </message>
    <message>
        <source>%1 — probability of an abnormal ECG %2 · model %3 · %4</source>
        <translation>%1 — Wahrscheinlichkeit eines abnormalen EKGs %2 · Modell %3 · %4</translation>
    </message>
    <message>
        <source>⚠ Outside what the model was validated on: %1</source>
        <translation>⚠ Außerhalb des Bereichs, für den das Modell validiert wurde: %1</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>Analyse läuft…</translation>
    </message>
    <message>
        <source>Analysing… %1 %</source>
        <translation>Analyse läuft… %1 %</translation>
    </message>
    <message>
        <source>Analysis: %1</source>
        <translation>Analyse: %1</translation>
    </message>
</context>
<context>
    <name>ecglens::ViewActions</name>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>&amp;Layout</translation>
    </message>
    <message>
        <source>12 × 1</source>
        <translation>12 × 1</translation>
    </message>
    <message>
        <source>6 × 2</source>
        <translation>6 × 2</translation>
    </message>
    <message>
        <source>3 × 4 + rhythm strip</source>
        <translation>3 × 4 + Rhythmusstreifen</translation>
    </message>
    <message>
        <source>Stacked leads</source>
        <translation>Gestapelte Ableitungen</translation>
    </message>
    <message>
        <source>&amp;Rhythm strip lead</source>
        <translation>&amp;Rhythmusstreifen-Ableitung</translation>
    </message>
    <message>
        <source>Stacked &amp;leads</source>
        <translation>&amp;Gestapelte Ableitungen</translation>
    </message>
    <message>
        <source>Paper &amp;speed</source>
        <translation>Papier&amp;vorschub</translation>
    </message>
    <message>
        <source>12.5 mm/s</source>
        <translation>12,5 mm/s</translation>
    </message>
    <message>
        <source>25 mm/s</source>
        <translation>25 mm/s</translation>
    </message>
    <message>
        <source>50 mm/s</source>
        <translation>50 mm/s</translation>
    </message>
    <message>
        <source>&amp;Gain</source>
        <translation>Verstär&amp;kung</translation>
    </message>
    <message>
        <source>2.5 mm/mV</source>
        <translation>2,5 mm/mV</translation>
    </message>
    <message>
        <source>5 mm/mV</source>
        <translation>5 mm/mV</translation>
    </message>
    <message>
        <source>10 mm/mV</source>
        <translation>10 mm/mV</translation>
    </message>
    <message>
        <source>20 mm/mV</source>
        <translation>20 mm/mV</translation>
    </message>
    <message>
        <source>&amp;Paper colour</source>
        <translation>Papier&amp;farbe</translation>
    </message>
    <message>
        <source>Classic red</source>
        <translation>Klassisch rot</translation>
    </message>
    <message>
        <source>Monochrome</source>
        <translation>Monochrom</translation>
    </message>
    <message>
        <source>Display &amp;filters</source>
        <translation>&amp;Anzeigefilter</translation>
    </message>
    <message>
        <source>Remove &amp;baseline wander (0.5 Hz high-pass)</source>
        <translation>&amp;Grundlinienschwankungen entfernen (Hochpass 0,5 Hz)</translation>
    </message>
    <message>
        <source>Mains &amp;notch</source>
        <translation>&amp;Netzfilter (Notch)</translation>
    </message>
    <message>
        <source>Mains &amp;frequency</source>
        <translation>Netz&amp;frequenz</translation>
    </message>
    <message>
        <source>50 Hz</source>
        <translation>50 Hz</translation>
    </message>
    <message>
        <source>60 Hz</source>
        <translation>60 Hz</translation>
    </message>
    <message>
        <source>&amp;Low-pass</source>
        <translation>&amp;Tiefpass</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>40 Hz</source>
        <translation>40 Hz</translation>
    </message>
    <message>
        <source>100 Hz</source>
        <translation>100 Hz</translation>
    </message>
    <message>
        <source>150 Hz</source>
        <translation>150 Hz</translation>
    </message>
    <message>
        <source>Show &amp;raw signal</source>
        <translation>Roh&amp;signal anzeigen</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Vergrößer&amp;n</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Verkl&amp;einern</translation>
    </message>
    <message>
        <source>&amp;True scale (paper speed)</source>
        <translation>&amp;Originalmaßstab (Papiervorschub)</translation>
    </message>
    <message>
        <source>&amp;Whole recording</source>
        <translation>Gesamte A&amp;ufzeichnung</translation>
    </message>
    <message>
        <source>&amp;Jump to time…</source>
        <translation>Zu &amp;Zeitpunkt springen…</translation>
    </message>
    <message>
        <source>&amp;Measurements panel</source>
        <translation>Bereich „Mess&amp;werte“</translation>
    </message>
    <message>
        <source>&amp;Beat markers</source>
        <translation>Schlag&amp;markierungen</translation>
    </message>
    <message>
        <source>Jump to time</source>
        <translation>Zu Zeitpunkt springen</translation>
    </message>
    <message>
        <source>Time from the start (seconds, mm:ss or hh:mm:ss):</source>
        <translation>Zeit ab Beginn (Sekunden, mm:ss oder hh:mm:ss):</translation>
    </message>
</context>
<context>
    <name>ecglens::WaterfallChart</name>
    <message>
        <source>probability of an abnormal ECG</source>
        <translation>Wahrscheinlichkeit eines abnormalen EKGs</translation>
    </message>
    <message>
        <source>log-odds (contributions add up on this scale)</source>
        <translation>Log-Odds (auf dieser Skala addieren sich die Beiträge)</translation>
    </message>
    <message numerus="yes">
        <source>other %n segments</source>
        <translation>
            <numerusform>%n weiteres Segment</numerusform>
            <numerusform>%n weitere Segmente</numerusform>
        </translation>
    </message>
    <message>
        <source>base value</source>
        <translation>Basiswert</translation>
    </message>
    <message>
        <source>model output</source>
        <translation>Modellausgabe</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>  — contributions sum to %1</source>
        <translation>  — Summe der Beiträge: %1</translation>
    </message>
    <message>
        <source>From the baseline to the model output, contribution by contribution</source>
        <translation>Von der Basislinie zur Modellausgabe, Beitrag für Beitrag</translation>
    </message>
</context>
<context>
    <name>ecglens::WorklistModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>male</source>
        <translation>männlich</translation>
    </message>
    <message>
        <source>female</source>
        <translation>weiblich</translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation>Nicht lesbar</translation>
    </message>
    <message>
        <source>The detector said %1 (%2 %) when this was decided; model %3.</source>
        <translation>Der Detektor ergab bei dieser Entscheidung %1 (%2 %); Modell %3.</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Aufgezeichnet</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Ableitungen</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Befunder</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Entschieden</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>Unklar</translation>
    </message>
    <message>
        <source>The detector&apos;s verdict on this recording (model %1); decision support, not a diagnosis.</source>
        <translation>Einstufung dieser Aufzeichnung durch den Detektor (Modell %1); Entscheidungsunterstützung, keine Diagnose.</translation>
    </message>
    <message>
        <source>Detector</source>
        <translation>Detektor</translation>
    </message>
    <message>
        <source>not analysed</source>
        <translation>nicht analysiert</translation>
    </message>
    <message>
        <source>Prompt review</source>
        <translation>Zeitnah prüfen</translation>
    </message>
    <message>
        <source>Advice asking for a prompt review, found with the detector&apos;s verdict: open the recording for the values it is based on and its source. Decision support, not a diagnosis.</source>
        <translation>Hinweise, die eine zeitnahe Prüfung nahelegen, ermittelt mit der Einstufung des Detektors: Öffnen Sie die Aufzeichnung für die zugrunde liegenden Werte und die Quelle. Entscheidungsunterstützung, keine Diagnose.</translation>
    </message>
    <message>
        <source>Patient ID (name)</source>
        <translation>Patienten-ID (Name)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ecglens::WorklistPanel</name>
    <message>
        <source>Rescan</source>
        <translation>Neu einlesen</translation>
    </message>
    <message>
        <source>List the folder again (new recordings, reviews saved elsewhere)</source>
        <translation>Den Ordner erneut auflisten (neue Aufzeichnungen, anderswo gespeicherte Befundungen)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop listing; the rows read so far stay</source>
        <translation>Auflisten anhalten; die bisher gelesenen Zeilen bleiben</translation>
    </message>
    <message>
        <source>All recordings</source>
        <translation>Alle Aufzeichnungen</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Nicht befundet</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Befundet</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Zu beachten</translation>
    </message>
    <message>
        <source>Listing stopped: only the rows above were read.</source>
        <translation>Auflisten angehalten: nur die Zeilen oben wurden gelesen.</translation>
    </message>
    <message>
        <source>The folder holds more: only the first %1 recordings are listed.</source>
        <translation>Der Ordner enthält mehr: nur die ersten %1 Aufzeichnungen sind aufgelistet.</translation>
    </message>
    <message>
        <source>%1 not reviewed</source>
        <translation>%1 nicht befundet</translation>
    </message>
    <message>
        <source>%1 normal</source>
        <translation>%1 normal</translation>
    </message>
    <message>
        <source>%1 abnormal</source>
        <translation>%1 abnormal</translation>
    </message>
    <message>
        <source>%1 uncertain</source>
        <translation>%1 unklar</translation>
    </message>
    <message>
        <source>%1 cannot be read</source>
        <translation>%1 nicht lesbar</translation>
    </message>
    <message>
        <source>(reading the folder …)</source>
        <translation>(Ordner wird gelesen …)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln text file(s) in the folder did not read as recordings (spreadsheets, notes) and are not listed.</source>
        <translation>
            <numerusform>%Ln Textdatei im Ordner war keine lesbare Aufzeichnung (Tabelle, Notiz) und ist nicht aufgelistet.</numerusform>
            <numerusform>%Ln Textdateien im Ordner waren keine lesbaren Aufzeichnungen (Tabellen, Notizen) und sind nicht aufgelistet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a folder (File ▸ Open folder as worklist…) to list the recordings in it and their review state.</source>
        <translation>Einen Ordner öffnen (Datei ▸ Ordner als Arbeitsliste öffnen…), um seine Aufzeichnungen und ihren Befundungsstand aufzulisten.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln recording(s)</source>
        <translation>
            <numerusform>%Ln Aufzeichnung</numerusform>
            <numerusform>%Ln Aufzeichnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Run detector on the list</source>
        <translation>Detektor auf die Liste anwenden</translation>
    </message>
    <message>
        <source>The detector&apos;s verdict for every recording of up to 10 minutes, to read the most suspicious first (sort by the Detector column). Decision support, not a diagnosis.</source>
        <translation>Die Einstufung durch den Detektor für jede Aufzeichnung bis 10 Minuten, um die auffälligsten zuerst zu befunden (nach der Spalte „Detektor“ sortieren). Entscheidungsunterstützung, keine Diagnose.</translation>
    </message>
    <message>
        <source>Stop detector</source>
        <translation>Detektor anhalten</translation>
    </message>
    <message>
        <source>Detector: %1 analysed, %2 anomalous, %3 borderline</source>
        <translation>Detektor: %1 analysiert, %2 auffällig, %3 grenzwertig</translation>
    </message>
    <message>
        <source>(%1 to go …)</source>
        <translation>(noch %1 …)</translation>
    </message>
    <message>
        <source>This patient</source>
        <translation>Dieser Patient</translation>
    </message>
    <message>
        <source>Only the ECGs of the shown recording&apos;s patient (same patient ID), to compare with earlier ones; sort by Recorded</source>
        <translation>Nur die EKGs des Patienten der gezeigten Aufzeichnung (gleiche Patienten-ID), zum Vergleich mit früheren; nach „Aufgezeichnet“ sortieren</translation>
    </message>
    <message numerus="yes">
        <source>Patient %1: %Ln ECG(s) in the list.</source>
        <translation>
            <numerusform>Patient %1: %Ln EKG in der Liste.</numerusform>
            <numerusform>Patient %1: %Ln EKGs in der Liste.</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare with shown</source>
        <translation>Mit angezeigtem vergleichen</translation>
    </message>
    <message>
        <source>Show the selected ECG under the shown one, with both ECGs&apos; measurements and the change</source>
        <translation>Das gewählte EKG unter dem angezeigten zeigen, mit den Messwerten beider EKGs und der Änderung</translation>
    </message>
    <message>
        <source>The verdicts could not be kept for the next session: %1</source>
        <translation>Die Einstufungen des Detektors konnten nicht für die nächste Sitzung gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Search the worklist</source>
        <translation>Arbeitsliste durchsuchen</translation>
    </message>
    <message>
        <source>Worklist recordings</source>
        <translation>Aufzeichnungen der Arbeitsliste</translation>
    </message>
    <message>
        <source>Needs attention: decided as uncertain; not reviewed yet with advice asking for a prompt review (after Run detector); or the recording or its review cannot be read</source>
        <translation>Zu beachten: als unklar entschieden; noch nicht befundet, mit einem Hinweis zur zeitnahen Prüfung (nach „Detektor auf die Liste anwenden“); oder die Aufzeichnung oder ihre Befundung ist nicht lesbar</translation>
    </message>
    <message numerus="yes">
        <source>; %Ln with advice for a prompt review</source>
        <translation>
            <numerusform>; %Ln mit einem Hinweis zur zeitnahen Prüfung</numerusform>
            <numerusform>; %Ln mit einem Hinweis zur zeitnahen Prüfung</numerusform>
        </translation>
    </message>
    <message>
        <source>Patient ID, name or file name</source>
        <translation>Patienten-ID, Name oder Dateiname</translation>
    </message>
</context>
</TS>
