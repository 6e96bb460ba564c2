<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Editor</name>
    <message>
        <location filename="../ui/document/graph_document.cpp" line="+261"/>
        <location line="+23"/>
        <location filename="../ui/document/undo_commands.cpp" line="+24"/>
        <source>Disconnect</source>
        <translation>Verbindung trennen</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Delete layer</source>
        <translation>Ebene löschen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %n layers</source>
        <translation>
            <numerusform>%n Ebene löschen</numerusform>
            <numerusform>%n Ebenen löschen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No such layer.</source>
        <translation>Diese Ebene gibt es nicht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A layer cannot feed itself.</source>
        <translation>Eine Ebene kann nicht mit sich selbst verbunden werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output is where the network ends: it has no output to connect.</source>
        <translation>Output ist das Ende des Netzes: Es hat keinen Ausgang, der sich verbinden ließe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has no input %2.</source>
        <translation>%1 hat keinen Eingang %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input %1 of %2 is already connected.</source>
        <translation>Eingang %1 von %2 ist bereits verbunden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This connection would make a cycle.</source>
        <translation>Diese Verbindung würde einen Zyklus erzeugen.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Replace connection</source>
        <translation>Verbindung ersetzen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A layer needs a name.</source>
        <translation>Eine Schicht braucht einen Namen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Another layer is already called %1.</source>
        <translation>Eine andere Schicht heißt bereits %1.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Input follows the data</source>
        <translation>Eingabe folgt den Daten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fix the Input&apos;s shape</source>
        <translation>Form der Eingabe festlegen</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Layout left to right</source>
        <translation>Anordnung von links nach rechts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Layout top to bottom</source>
        <translation>Anordnung von oben nach unten</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 is already in the group %2.</source>
        <translation>%1 ist schon in der Gruppe %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select the layers to group first.</source>
        <translation>Wählen Sie zuerst die Ebenen aus, die gruppiert werden sollen.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Group %n layers</source>
        <translation>
            <numerusform>%n Ebene gruppieren</numerusform>
            <numerusform>%n Ebenen gruppieren</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ungroup</source>
        <translation>Gruppierung aufheben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Collapse group</source>
        <translation>Gruppe zuklappen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expand group</source>
        <translation>Gruppe aufklappen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A group needs a name.</source>
        <translation>Eine Gruppe braucht einen Namen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Another group is already called %1.</source>
        <translation>Eine andere Gruppe heißt bereits %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rename group</source>
        <translation>Gruppe umbenennen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <location filename="../ui/document/undo_commands.cpp" line="-10"/>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rename %1 to %2</source>
        <translation>%1 in %2 umbenennen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Layout</source>
        <translation>Anordnung</translation>
    </message>
    <message>
        <location filename="../ui/canvas/minimap.cpp" line="+25"/>
        <source>Overview: click or drag to move the canvas</source>
        <translation>Übersicht: Klicken oder ziehen, um die Arbeitsfläche zu verschieben</translation>
    </message>
</context>
<context>
    <name>ImageOp</name>
    <message>
        <location filename="../core/preprocess/image_ops.cpp" line="+53"/>
        <source>Grayscale</source>
        <translation>Graustufen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resize</source>
        <translation>Skalieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Center crop</source>
        <translation>Mittig zuschneiden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Canny edges</source>
        <translation>Canny-Kanten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Low threshold</source>
        <translation>Untere Schwelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High threshold</source>
        <translation>Obere Schwelle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Random flip</source>
        <translation>Zufälliges Spiegeln</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Random rotation</source>
        <translation>Zufällige Drehung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Degrees (±)</source>
        <translation>Grad (±)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Random crop</source>
        <translation>Zufälliger Ausschnitt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Padding</source>
        <translation>Rand</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scale to 0–1</source>
        <translation>Auf 0–1 skalieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Normalize</source>
        <translation>Normalisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Std</source>
        <translation>Std.-Abw.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Colour jitter</source>
        <translation>Farbrauschen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Brightness</source>
        <translation>Helligkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contrast</source>
        <translation>Kontrast</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <location filename="../ui/preferences/preferences_dialog.cpp" line="+41"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>System</source>
        <comment>language</comment>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Takes effect the next time Netloom starts.</source>
        <translation>Wird beim nächsten Start von Netloom wirksam.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System</source>
        <comment>theme</comment>
        <translation>System</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Automatic (GPU when available)</source>
        <translation>Automatisch (GPU, falls vorhanden)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training &amp;device</source>
        <translation>Trainings&amp;gerät</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>one per core</source>
        <translation>einer pro Kern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU &amp;threads</source>
        <translation>CPU-&amp;Threads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For trainings whose project leaves the device on &quot;auto&quot; and the threads on 0.</source>
        <translation>Für Trainings, deren Projekt das Gerät auf „auto“ und die Threads auf 0 belässt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Autosave every</source>
        <translation>&amp;Automatisch speichern alle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>Setting</name>
    <message>
        <location filename="../core/project/settings.cpp" line="+81"/>
        <source>Dataset kind</source>
        <translation>Art des Datensatzes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test set</source>
        <translation>Testdaten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Target column</source>
        <translation>Zielspalte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text column</source>
        <translation>Textspalte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Validation split</source>
        <translation>Validierungsanteil</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test split</source>
        <translation>Testanteil</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Split seed</source>
        <translation>Startwert der Aufteilung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sample limit</source>
        <translation>Höchstzahl Beispiele</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Background colour</source>
        <translation>Hintergrundfarbe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lowercase</source>
        <translation>Kleinschreibung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Strip punctuation</source>
        <translation>Satzzeichen entfernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove stop words</source>
        <translation>Stoppwörter entfernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stem words</source>
        <translation>Wortstämme bilden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vocabulary size</source>
        <translation>Vokabulargröße</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Minimum frequency</source>
        <translation>Mindesthäufigkeit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sequence length</source>
        <translation>Sequenzlänge</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Momentum</source>
        <translation>Momentum</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Weight decay</source>
        <translation>Gewichtsabnahme</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step size</source>
        <translation>Schrittweite</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decay factor</source>
        <translation>Abklingfaktor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plateau patience</source>
        <translation>Geduld (Plateau)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Minimum learning rate</source>
        <translation>Minimale Lernrate</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gradient clipping</source>
        <translation>Gradientenbegrenzung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Early stopping</source>
        <translation>Vorzeitiger Abbruch</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Monitored metric</source>
        <translation>Beobachtete Metrik</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Early-stopping patience</source>
        <translation>Geduld (vorzeitiger Abbruch)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPU threads</source>
        <translation>CPU-Threads</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Layout direction</source>
        <translation>Anordnungsrichtung</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/netloom_main.cpp" line="+37"/>
        <source>no translation for &quot;%1&quot;; using English</source>
        <translation>keine Übersetzung für „%1“; Englisch wird verwendet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Design, train and deploy neural networks.</source>
        <translation>Neuronale Netze entwerfen, trainieren und bereitstellen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Project file (.netloom) to open.</source>
        <translation>Zu öffnende Projektdatei (.netloom).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save a PNG of the window to FILE and quit (docs, tests).</source>
        <translation>Ein PNG des Fensters in FILE speichern und beenden (Dokumentation, Tests).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open in MODE: design, data, preprocessing or train.</source>
        <translation>Im Modus MODE öffnen: design, data, preprocessing oder train.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wait MS milliseconds before the screenshot (default 300).</source>
        <translation>MS Millisekunden vor dem Bildschirmfoto warten (Standard: 300).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save a PNG of the whole graph at full size to FILE and quit (docs).</source>
        <translation>Ein PNG des ganzen Graphen in voller Größe in DATEI speichern und beenden (Dokumentation).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Use language LANG (en, de, fr) instead of the preference.</source>
        <translation>Sprache LANG (en, de, fr) statt der Einstellung verwenden.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>--mode must be one of design, data, preprocessing, train (got &quot;%1&quot;)</source>
        <translation>--mode muss design, data, preprocessing oder train sein (angegeben: „%1“)</translation>
    </message>
</context>
<context>
    <name>netloom::ui::Chart</name>
    <message>
        <location filename="../ui/charts/chart.cpp" line="+78"/>
        <source>Save as PNG…</source>
        <translation>Als PNG speichern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as SVG…</source>
        <translation>Als SVG speichern…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG-Grafiken (*.svg)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: %2  (x = %3)</source>
        <translation>%1: %2  (x = %3)</translation>
    </message>
</context>
<context>
    <name>netloom::ui::ClusterJobDialog</name>
    <message>
        <location filename="../ui/export/cluster_job_dialog.cpp" line="+22"/>
        <source>Train on a Cluster</source>
        <translation>Auf einem Cluster trainieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writes a trainer image and Kubernetes manifests (Kubeflow PyTorchJob, Kubeflow Trainer TrainJob, or a plain Indexed Job) that train this project on several pods at once. The global batch stays the project&apos;s batch size.</source>
        <translation>Schreibt ein Trainings-Image und Kubernetes-Manifeste (Kubeflow PyTorchJob, Kubeflow Trainer TrainJob oder ein einfacher Indexed Job), die dieses Projekt auf mehreren Pods zugleich trainieren. Der globale Batch bleibt die Batchgröße des Projekts.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Job Bundle Folder</source>
        <translation>Ordner des Job-Pakets</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pods:</source>
        <translation>Pods:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none (CPU)</source>
        <translation>keine (CPU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPUs per pod:</source>
        <translation>GPUs pro Pod:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trainer image:</source>
        <translation>Trainings-Image:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a new claim, filled as the README says</source>
        <translation>ein neuer Claim, befüllt wie im README beschrieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data claim:</source>
        <translation>Daten-Claim:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a new claim</source>
        <translation>ein neuer Claim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs claim:</source>
        <translation>Claim für Läufe:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU per pod:</source>
        <translation>CPU pro Pod:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory per pod:</source>
        <translation>Speicher pro Pod:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Write Bundle</source>
        <translation>Paket schreiben</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Choose a folder for the bundle.</source>
        <translation>Wählen Sie einen Ordner für das Paket.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not written: %1</source>
        <translation>Nicht geschrieben: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Written to %1. Build the image and start the job as its README.md says, for example:
kubectl apply -f k8s/storage.yaml -f k8s/project.yaml -f k8s/pytorchjob.yaml</source>
        <translation>Geschrieben nach %1. Bauen Sie das Image und starten Sie den Job wie in README.md beschrieben, zum Beispiel:
kubectl apply -f k8s/storage.yaml -f k8s/project.yaml -f k8s/pytorchjob.yaml</translation>
    </message>
</context>
<context>
    <name>netloom::ui::ColumnStatsModel</name>
    <message>
        <location filename="../ui/data/csv_table_model.cpp" line="+50"/>
        <source>numeric</source>
        <translation>numerisch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>categorical</source>
        <translation>kategorial</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Missing</source>
        <translation>Fehlend</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Distinct</source>
        <translation>Verschieden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Min / most frequent</source>
        <translation>Min. / häufigster</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Std</source>
        <translation>Std.-Abw.</translation>
    </message>
</context>
<context>
    <name>netloom::ui::CsvTableModel</name>
    <message>
        <location line="-37"/>
        <source>Missing value</source>
        <translation>Fehlender Wert</translation>
    </message>
</context>
<context>
    <name>netloom::ui::DatasetPanel</name>
    <message>
        <location filename="../ui/data/dataset_panel.cpp" line="+52"/>
        <location line="+253"/>
        <source>No dataset loaded</source>
        <translation>Kein Datensatz geladen</translation>
    </message>
    <message>
        <location line="-245"/>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Add a resize step</source>
        <translation>Skalierungsschritt hinzufügen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Samples per class and split</source>
        <translation>Beispiele pro Klasse und Aufteilung</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Text length (tokens after preprocessing)</source>
        <translation>Textlänge (Tokens nach der Vorverarbeitung)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Sample</source>
        <translation>Beispiel</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+88"/>
        <source>Select a sample</source>
        <translation>Wählen Sie ein Beispiel</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Unreadable or skipped inputs</source>
        <translation>Unlesbare oder übersprungene Eingaben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>reading…</source>
        <translation>wird gelesen…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>IDX (MNIST-style)</source>
        <translation>IDX (wie MNIST)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image folders</source>
        <translation>Bildordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV table</source>
        <translation>CSV-Tabelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text in a CSV</source>
        <translation>Text in einer CSV-Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text files per class</source>
        <translation>Textdateien pro Klasse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebDataset shards (streamed)</source>
        <translation>WebDataset-Shards (gestreamt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Browse for the data…</source>
        <translation>Daten auswählen…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&lt;b&gt;Training cannot use this data as it is:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Das Training kann diese Daten so nicht verwenden:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a resize step to %1×%2</source>
        <translation>Skalierungsschritt auf %1×%2 hinzufügen</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Choose the data file</source>
        <translation>Datendatei wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the data folder</source>
        <translation>Datenordner wählen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change dataset path</source>
        <translation>Datensatzpfad ändern</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 samples (train %3, validation %4, test %5) · %6 classes · read in %7 s</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 Beispiele (Training %3, Validierung %4, Test %5) · %6 Klassen · gelesen in %7 s</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No dataset yet: choose the kind of data and its file or folder on the left, or start with File ▸ New from Data…</source>
        <translation>Noch keine Daten: Wählen Sie links die Art der Daten und ihre Datei oder ihren Ordner, oder beginnen Sie mit Datei ▸ Neu aus Daten…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the CSV file (Browse for the data…).</source>
        <translation>Wählen Sie die CSV-Datei (Daten auswählen…).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the data folder (Browse for the data…).</source>
        <translation>Wählen Sie den Datenordner (Daten auswählen…).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The dataset cannot be read: %1</source>
        <translation>Der Datensatz kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+6"/>
        <source>texts</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>tokens (the model sees %1)</source>
        <translation>Tokens (das Modell sieht %1)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>#%1 · %2</source>
        <translation>#%1 · %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot read this image: %1</source>
        <translation>Dieses Bild kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>netloom::ui::EditorActions</name>
    <message>
        <location filename="../ui/canvas/editor_actions.cpp" line="+45"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dis&amp;connect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Layout</source>
        <translation>&amp;Anordnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lay the network out in ranks from the inputs to the outputs, edges routed around the layers</source>
        <translation>Das Netz in Ebenen von den Eingängen zu den Ausgängen anordnen, Kanten um die Schichten herum geführt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Top to Bottom</source>
        <translation>Von &amp;oben nach unten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Left to Right</source>
        <translation>Von &amp;links nach rechts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fit to View</source>
        <translation>An &amp;Ansicht anpassen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Group</source>
        <translation>&amp;Gruppieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the selected layers a named block that can be collapsed into one node</source>
        <translation>Die ausgewählten Ebenen zu einem benannten Block machen, der sich zu einem Knoten zuklappen lässt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>U&amp;ngroup</source>
        <translation>Gruppierung auf&amp;heben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+G</source>
        <translation>Ctrl+Shift+G</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+92"/>
        <source>Collapse Group</source>
        <translation>Gruppe zuklappen</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>Rename Group…</source>
        <translation>Gruppe umbenennen…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Ungroup</source>
        <translation>Gruppierung aufheben</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rename Group</source>
        <translation>Gruppe umbenennen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Expand Group</source>
        <translation>Gruppe aufklappen</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>&amp;Add Layer Here</source>
        <translation>Schicht &amp;hier hinzufügen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Paste Here</source>
        <translation>&amp;Hier einfügen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Layout &amp;Direction</source>
        <translation>Anordnungs&amp;richtung</translation>
    </message>
</context>
<context>
    <name>netloom::ui::ExportDialog</name>
    <message>
        <location filename="../ui/export/export_dialog.cpp" line="+55"/>
        <source>Export model and deployment bundle</source>
        <translation>Modell und Bereitstellungspaket exportieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What and where</source>
        <translation>Was und wohin</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+6"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Destination folder</source>
        <translation>Zielordner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Raw image input (decoding and preprocessing inside the model)</source>
        <translation>Rohbild als Eingabe (Dekodierung und Vorverarbeitung im Modell)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the deployment bundle (server, Dockerfile, Kubernetes)</source>
        <translation>Bereitstellungspaket schreiben (Server, Dockerfile, Kubernetes)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also write a Triton Inference Server model repository</source>
        <translation>Zusätzlich ein Modell-Repository für Triton Inference Server schreiben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request a GPU in Kubernetes</source>
        <translation>In Kubernetes eine GPU anfordern</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Replicas</source>
        <translation>Replikate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU request</source>
        <translation>CPU-Anforderung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory request</source>
        <translation>Speicheranforderung</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Samples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Max |difference|</source>
        <translation>Max. |Abweichung|</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Top-1 agreement</source>
        <translation>Top-1-Übereinstimmung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy docker build command</source>
        <translation>Befehl „docker build“ kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy kubectl apply command</source>
        <translation>Befehl „kubectl apply“ kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose a checkpoint</source>
        <translation>Checkpoint wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoints (*.ckpt)</source>
        <translation>Checkpoints (*.ckpt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export into</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Finishing the export first…</source>
        <translation>Der Export wird erst noch abgeschlossen…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Choose a checkpoint first: train the model, or browse to a .ckpt file.</source>
        <translation>Wählen Sie zuerst einen Checkpoint: Trainieren Sie das Modell oder wählen Sie eine .ckpt-Datei.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a destination folder.</source>
        <translation>Wählen Sie einen Zielordner.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The export failed.</source>
        <translation>Der Export ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The model was exported and verified, but the bundle could not be written:</source>
        <translation>Das Modell wurde exportiert und geprüft, aber das Paket konnte nicht geschrieben werden:</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Exporting to ONNX and verifying in ONNX Runtime against LibTorch…</source>
        <translation>Export nach ONNX und Prüfung in ONNX Runtime gegen LibTorch…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Writing the deployment bundle…</source>
        <translation>Bereitstellungspaket wird geschrieben…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bundle failed</source>
        <translation>Paket fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Verified&lt;/b&gt; with %1 (tolerance %2): export %3 s, verification %4 s.</source>
        <translation>&lt;b&gt;Geprüft&lt;/b&gt; mit %1 (Toleranz %2): Export %3 s, Prüfung %4 s.</translation>
    </message>
</context>
<context>
    <name>netloom::ui::GroupItem</name>
    <message numerus="yes">
        <location filename="../ui/canvas/group_item.cpp" line="+57"/>
        <source>group of %n layers</source>
        <translation>
            <numerusform>Gruppe aus %n Ebene</numerusform>
            <numerusform>Gruppe aus %n Ebenen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;%3&lt;br&gt;Double-click to expand</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;%3&lt;br&gt;Doppelklick zum Aufklappen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Double-click the title to collapse</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Doppelklick auf den Titel zum Zuklappen</translation>
    </message>
</context>
<context>
    <name>netloom::ui::HelpDialog</name>
    <message>
        <location filename="../ui/help_dialog.cpp" line="+19"/>
        <source>Netloom User Guide</source>
        <translation>Netloom-Benutzerhandbuch</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The guide is not installed here (looked for %1).</source>
        <translation>Das Handbuch ist hier nicht installiert (gesucht: %1).</translation>
    </message>
</context>
<context>
    <name>netloom::ui::Inspector</name>
    <message>
        <location filename="../ui/panels/inspector.cpp" line="+62"/>
        <source>Select a layer to edit its parameters.</source>
        <translation>Wählen Sie eine Ebene, um ihre Parameter zu bearbeiten.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The layer&apos;s name, unique in the network (F2).</source>
        <translation>Der Name der Schicht, eindeutig im Netz (F2).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Follows the data</source>
        <translation>Folgt den Daten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The kind and shape come from the dataset and its preprocessing; untick to type them yourself.</source>
        <translation>Art und Form kommen aus dem Datensatz und seiner Vorverarbeitung; Haken entfernen, um sie selbst einzugeben.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1: &quot;%2&quot; is not a whole number</source>
        <translation>%1: „%2“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>From the data. %1</source>
        <translation>Aus den Daten. %1</translation>
    </message>
</context>
<context>
    <name>netloom::ui::LayerPalette</name>
    <message>
        <location filename="../ui/panels/layer_palette.cpp" line="+43"/>
        <source>Search layers…</source>
        <translation>Ebenen suchen…</translation>
    </message>
</context>
<context>
    <name>netloom::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="+108"/>
        <source>Laying out…</source>
        <translation>Wird angeordnet…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Layout failed: %1</source>
        <translation>Anordnung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Design</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse</source>
        <translation>Durchsuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preprocessing</source>
        <translation>Vorverarbeitung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Training is running</source>
        <translation>Training läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop training and close? The run keeps its last checkpoint and can be resumed.</source>
        <translation>Training stoppen und schließen? Der Lauf behält seinen letzten Checkpoint und kann fortgesetzt werden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Layers</source>
        <translation>Ebenen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New from Example</source>
        <translation>&amp;Neu aus Beispiel</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+102"/>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location line="-102"/>
        <location line="+102"/>
        <location line="+89"/>
        <source>Netloom projects (*.netloom)</source>
        <translation>Netloom-Projekte (*.netloom)</translation>
    </message>
    <message>
        <location line="-188"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+5"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederherstellen: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Layout &amp;Direction</source>
        <translation>Anordnungs&amp;richtung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Panels</source>
        <translation>&amp;Bereiche</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre&amp;ferences…</source>
        <translation>E&amp;instellungen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Design</source>
        <translation>&amp;Entwurf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;ata</source>
        <translation>&amp;Daten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preprocessing</source>
        <translation>&amp;Vorverarbeitung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Train</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+4</source>
        <translation>Ctrl+4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Train</source>
        <comment>start training</comment>
        <translation>&amp;Trainieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Pause or Resume Training</source>
        <translation>Training &amp;pausieren oder fortsetzen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F6</source>
        <translation>F6</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop Training</source>
        <translation>Training &amp;stoppen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shift+F5</source>
        <translation>Shift+F5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train on a &amp;Cluster…</source>
        <translation>Auf einem &amp;Cluster trainieren…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New from &amp;Data…</source>
        <translation>Neu aus &amp;Daten…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>untitled</source>
        <translation>unbenannt</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;About Netloom</source>
        <translation>Ü&amp;ber Netloom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Netloom</source>
        <translation>Über Netloom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Netloom %1&lt;/h3&gt;&lt;p&gt;Design, train and deploy neural networks.&lt;/p&gt;&lt;p&gt;Built with Qt %2, LibTorch, OpenCV and ONNX; exports are verified with ONNX Runtime.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Netloom %1&lt;/h3&gt;&lt;p&gt;Neuronale Netze entwerfen, trainieren und bereitstellen.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, LibTorch, OpenCV und ONNX; Exporte werden mit ONNX Runtime geprüft.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot open project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+13"/>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Save Project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The project has unsaved changes. Save them?</source>
        <translation>Das Projekt hat ungespeicherte Änderungen. Jetzt speichern?</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1[*] — Netloom</source>
        <translation>%1[*] — Netloom</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 parameters</source>
        <translation>%1 Parameter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Recover unsaved work?</source>
        <translation>Ungespeicherte Arbeit wiederherstellen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Netloom did not close cleanly last time. Recover the unsaved project?</source>
        <translation>Netloom wurde beim letzten Mal nicht ordnungsgemäß beendet. Das ungespeicherte Projekt wiederherstellen?</translation>
    </message>
</context>
<context>
    <name>netloom::ui::NewFromDataWizard</name>
    <message>
        <location filename="../ui/start/new_from_data_wizard.cpp" line="+45"/>
        <source>Sort into classes (classification)</source>
        <translation>In Klassen einordnen (Klassifikation)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes or no (binary)</source>
        <translation>Ja oder nein (binär)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predict numbers (regression)</source>
        <translation>Zahlen vorhersagen (Regression)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconstruct the input (autoencoder)</source>
        <translation>Die Eingabe rekonstruieren (Autoencoder)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>image folders, one per class</source>
        <translation>Bildordner, einer pro Klasse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IDX files</source>
        <translation>IDX-Dateien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a table (CSV)</source>
        <translation>eine Tabelle (CSV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>texts in a CSV</source>
        <translation>Texte in einer CSV-Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text files, one folder per class</source>
        <translation>Textdateien, ein Ordner pro Klasse</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n Beispiel</numerusform>
            <numerusform>%n Beispiele</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A separate test set: %1</source>
        <translation>Eine eigene Testmenge: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n class(es): %1</source>
        <translation>
            <numerusform>%n Klasse: %1</numerusform>
            <numerusform>%n Klassen: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Image sizes: %1</source>
        <translation>Bildgrößen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour: %1 gray, %2 RGB, %3 RGBA</source>
        <translation>Farbe: %1 grau, %2 RGB, %3 RGBA</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n Spalte</numerusform>
            <numerusform>%n Spalten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target: %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text column: %1</source>
        <translation>Textspalte: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 missing values</source>
        <translation>%1 fehlende Werte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Words per text: median %1, 95% under %2, at most %3; %4 different words</source>
        <translation>Wörter pro Text: Median %1, 95 % unter %2, höchstens %3; %4 verschiedene Wörter</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+252"/>
        <location line="+5"/>
        <source>New from Data</source>
        <translation>Neu aus Daten</translation>
    </message>
    <message>
        <location line="-244"/>
        <source>Your data</source>
        <translation>Ihre Daten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A folder of images (one subfolder per class), a CSV table, a CSV of texts, or a folder of IDX files.</source>
        <translation>Ein Bildordner (ein Unterordner pro Klasse), eine CSV-Tabelle, eine CSV-Datei mit Texten oder ein Ordner mit IDX-Dateien.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Path of a folder or a file</source>
        <translation>Pfad eines Ordners oder einer Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File…</source>
        <translation>Datei…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data file</source>
        <translation>Datendatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tables and texts (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>Tabellen und Texte (*.csv *.tsv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Your choices</source>
        <translation>Ihre Wahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each field starts at what fits the data; change what you like.</source>
        <translation>Jedes Feld beginnt mit dem, was zu den Daten passt; ändern Sie, was Sie möchten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chosen from the data</source>
        <translation>Aus den Daten gewählt</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+12"/>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gray</source>
        <translation>grau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>colour (RGB)</source>
        <translation>Farbe (RGB)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the project as</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Netloom projects (*.netloom)</source>
        <translation>Netloom-Projekte (*.netloom)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image size</source>
        <translation>Bildgröße</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validation share</source>
        <translation>Anteil Validierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test share</source>
        <translation>Anteil Test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project file</source>
        <translation>Projektdatei</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your project</source>
        <translation>Ihr Projekt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish saves the project and opens it: it validates and trains as it is.</source>
        <translation>Fertigstellen speichert das Projekt und öffnet es: Es ist gültig und trainiert so, wie es ist.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Choose a folder or a file.</source>
        <translation>Wählen Sie einen Ordner oder eine Datei.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Looking at %1…</source>
        <translation>%1 wird angesehen…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This cannot be used: %1</source>
        <translation>Das ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Most images are %1×%2; “automatic” resizes to that (at most 128 on the longer side).</source>
        <translation>Die meisten Bilder sind %1×%2; „automatisch“ skaliert darauf (höchstens 128 an der längeren Seite).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Image size and channels apply to images only.</source>
        <translation>Bildgröße und Kanäle gelten nur für Bilder.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The data has its own test set.</source>
        <translation>Die Daten haben eine eigene Testmenge.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choosing the preprocessing and a network for your data…</source>
        <translation>Vorverarbeitung und Netz für Ihre Daten werden gewählt…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No project fits these choices: %1</source>
        <translation>Kein Projekt passt zu dieser Wahl: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What was chosen, and why:</source>
        <translation>Was gewählt wurde, und warum:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The network:</source>
        <translation>Das Netz:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 exists. Replace it?</source>
        <translation>%1 existiert. Ersetzen?</translation>
    </message>
</context>
<context>
    <name>netloom::ui::NodeItem</name>
    <message numerus="yes">
        <location filename="../ui/canvas/node_item.cpp" line="+50"/>
        <source>&lt;br&gt;%n parameters</source>
        <translation>
            <numerusform>&lt;br&gt;%n Parameter</numerusform>
            <numerusform>&lt;br&gt;%n Parameter</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netloom::ui::ParamEditor</name>
    <message>
        <location filename="../ui/forms/param_editor.cpp" line="+58"/>
        <source>comma-separated, e.g. 0.5, 0.5, 0.5</source>
        <translation>durch Kommas getrennt, z. B. 0.5, 0.5, 0.5</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>„%1“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+13"/>
        <source>&quot;%1&quot; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
</context>
<context>
    <name>netloom::ui::PreviewPanel</name>
    <message>
        <location filename="../ui/data/preview_panel.cpp" line="+79"/>
        <source>Random sample</source>
        <translation>Zufälliges Beispiel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show training-time augmentation</source>
        <translation>Augmentierung beim Training zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reroll</source>
        <translation>Neu würfeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw the random augmentation again</source>
        <translation>Die zufällige Augmentierung neu ziehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample</source>
        <translation>Beispiel</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Image pipeline</source>
        <translation>Bild-Pipeline</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Add preprocessing step</source>
        <translation>Vorverarbeitungsschritt hinzufügen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove preprocessing step</source>
        <translation>Vorverarbeitungsschritt entfernen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reorder preprocessing steps</source>
        <translation>Vorverarbeitungsschritte umordnen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Text pipeline</source>
        <translation>Text-Pipeline</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Training only: never applied at inference or in the export</source>
        <translation>Nur beim Training: nie bei der Inferenz oder im Export angewendet</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&lt;p&gt;Tabular data is standardised (numeric columns, with statistics of the training split) and one-hot encoded (categorical columns) when it is loaded; see the dataset browser.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Tabellendaten werden beim Laden standardisiert (numerische Spalten, mit den Statistiken der Trainingsdaten) und one-hot-kodiert (kategoriale Spalten); siehe die Datensatzübersicht.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The pipeline cannot run on this sample: %1</source>
        <translation>Die Pipeline kann auf diesem Beispiel nicht laufen: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> float</source>
        <translation> float</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> uint8</source>
        <translation> uint8</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>values from %1 to %2</source>
        <translation>Werte von %1 bis %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&lt;h4&gt;Original&lt;/h4&gt;&lt;pre style=&apos;white-space: pre-wrap&apos;&gt;%1&lt;/pre&gt;</source>
        <translation>&lt;h4&gt;Original&lt;/h4&gt;&lt;pre style=&apos;white-space: pre-wrap&apos;&gt;%1&lt;/pre&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h4&gt;Cleaned&lt;/h4&gt;&lt;pre style=&apos;white-space: pre-wrap&apos;&gt;%1&lt;/pre&gt;</source>
        <translation>&lt;h4&gt;Bereinigt&lt;/h4&gt;&lt;pre style=&apos;white-space: pre-wrap&apos;&gt;%1&lt;/pre&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>out of vocabulary</source>
        <translation>nicht im Vokabular</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;h4&gt;Tokens (%1; out-of-vocabulary in red)&lt;/h4&gt;&lt;p&gt;%2&lt;/p&gt;</source>
        <translation>&lt;h4&gt;Tokens (%1; nicht im Vokabular: rot)&lt;/h4&gt;&lt;p&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;h4&gt;Ids (length %1; %2 padding ids in gray, in front; vocabulary %3)&lt;/h4&gt;&lt;p style=&apos;font-family:monospace&apos;&gt;%4&lt;/p&gt;</source>
        <translation>&lt;h4&gt;IDs (Länge %1; %2 Auffüll-IDs in Grau, vorne; Vokabular %3)&lt;/h4&gt;&lt;p style=&apos;font-family:monospace&apos;&gt;%4&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>netloom::ui::RunsPanel</name>
    <message>
        <location filename="../ui/training/runs_panel.cpp" line="+36"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Best val acc</source>
        <translation>Beste Val.-Genauigkeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Best val loss</source>
        <translation>Bester Val.-Verlust</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Final acc</source>
        <translation>Endgenauigkeit</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Validation curves of the selected runs</source>
        <translation>Validierungskurven der ausgewählten Läufe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 lr %2, batch %3, %4 epochs%5</source>
        <translation>%1 LR %2, Batch %3, %4 Epochen%5</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unfinished</source>
        <translation>nicht abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · resumable</source>
        <translation> · fortsetzbar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (val)</source>
        <translation> (Val.)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 val loss</source>
        <translation>%1 Val.-Verlust</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 val acc</source>
        <translation>%1 Val.-Genauigkeit</translation>
    </message>
</context>
<context>
    <name>netloom::ui::SettingsForm</name>
    <message>
        <location filename="../ui/forms/settings_form.cpp" line="+38"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
</context>
<context>
    <name>netloom::ui::StartPage</name>
    <message>
        <location filename="../ui/start/start_page.cpp" line="+40"/>
        <source>&lt;h2&gt;Start a network&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Ein Netz beginnen&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Point Netloom at your data: it looks at it, proposes the preprocessing and a network that fits, and you train at once. Or start blank, open a project, or try an example.</source>
        <translation>Zeigen Sie Netloom Ihre Daten: Es sieht sie sich an, schlägt die Vorverarbeitung und ein passendes Netz vor, und Sie trainieren sofort. Oder beginnen Sie leer, öffnen Sie ein Projekt oder probieren Sie ein Beispiel.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>New from Data…</source>
        <translation>Neu aus Daten…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Blank Project</source>
        <translation>Leeres Projekt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent projects</source>
        <translation>Zuletzt geöffnete Projekte</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no examples installed</source>
        <translation>keine Beispiele installiert</translation>
    </message>
</context>
<context>
    <name>netloom::ui::SummaryTable</name>
    <message>
        <location filename="../ui/panels/summary_table.cpp" line="+12"/>
        <source>Layer</source>
        <translation>Ebene</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Output shape</source>
        <translation>Ausgabeform</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
</context>
<context>
    <name>netloom::ui::TrainingCharts</name>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="+29"/>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metrics per epoch</source>
        <translation>Metriken pro Epoche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confusion matrix (validation)</source>
        <translation>Konfusionsmatrix (Validierung)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>batch, smoothed</source>
        <translation>Batch, geglättet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>train (epoch)</source>
        <translation>Training (Epoche)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation (epoch)</source>
        <translation>Validierung (Epoche)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+9"/>
        <location line="+3"/>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>train accuracy</source>
        <translation>Trainingsgenauigkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation accuracy</source>
        <translation>Validierungsgenauigkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation MAE</source>
        <translation>Validierungs-MAE</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>predicted</source>
        <translation>vorhergesagt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true</source>
        <translation>tatsächlich</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>best epoch %1</source>
        <translation>beste Epoche %1</translation>
    </message>
</context>
<context>
    <name>netloom::ui::TrainingPanel</name>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="+79"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+81"/>
        <location line="+153"/>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <location line="-233"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+166"/>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>Device: %1 · %2 parameters</source>
        <translation>Gerät: %1 · %2 Parameter</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Epoch %1 of %2 starting…</source>
        <translation>Epoche %1 von %2 beginnt…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Epoch %1/%2 · batch %3/%4 · loss %5 · %6 samples/s · ETA %7</source>
        <translation>Epoche %1/%2 · Batch %3/%4 · Verlust %5 · %6 Beispiele/s · Rest %7</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%p% · ETA %1</source>
        <translation>%p% · Rest %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Training settings</source>
        <translation>Trainingseinstellungen</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The network has problems; fix them first (see Problems).</source>
        <translation>Das Netz hat Probleme; beheben Sie sie zuerst (siehe Probleme).</translation>
    </message>
    <message>
        <location line="-194"/>
        <source>val accuracy %1</source>
        <translation>Val.-Genauigkeit %1</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>, accuracy %1</source>
        <translation>, Genauigkeit %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epoch %1: training loss %2%3 (no validation split)%4</source>
        <translation>Epoche %1: Trainingsverlust %2%3 (kein Validierungsanteil)%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>val MAE %1</source>
        <translation>Val.-MAE %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epoch %1: val loss %2, %3%4</source>
        <translation>Epoche %1: Val.-Verlust %2, %3%4</translation>
    </message>
    <message>
        <location line="-7"/>
        <source> (best so far)</source>
        <translation> (bisher beste)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no test or validation split: nothing was held out to evaluate</source>
        <translation>kein Test- oder Validierungsanteil: nichts wurde zur Bewertung zurückbehalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accuracy %1</source>
        <translation>Genauigkeit %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>loss %1</source>
        <translation>Verlust %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test %1</source>
        <translation>Test: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no test split; validation %1</source>
        <translation>kein Testanteil; Validierung: %1</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Preparing the data: %1 of %2 images decoded into the cache</source>
        <translation>Daten werden vorbereitet: %1 von %2 Bildern in den Cache dekodiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, about %1 s left</source>
        <translation>, noch etwa %1 s</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>(%n unreadable input(s) skipped, named in the run&apos;s events)</source>
        <translation>
            <numerusform>(%n unlesbare Eingabe übersprungen, in den Ereignissen des Laufs genannt)</numerusform>
            <numerusform>(%n unlesbare Eingaben übersprungen, in den Ereignissen des Laufs genannt)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+12"/>
        <source>%p% · paused</source>
        <translation>%p% · pausiert</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Paused at epoch %1, batch %2</source>
        <translation>Pausiert bei Epoche %1, Batch %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resuming…</source>
        <translation>Wird fortgesetzt…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopped: %1 — resume it from the run list</source>
        <translation>Angehalten: %1 — in der Liste der Läufe fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished: %1</source>
        <translation>Beendet: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best epoch %1 · %2 · checkpoints in %3</source>
        <translation>Beste Epoche %1 · %2 · Checkpoints in %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No epoch completed; the run can be resumed from %1</source>
        <translation>Keine Epoche abgeschlossen; der Lauf kann aus %1 fortgesetzt werden</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>CPU, %1 threads</source>
        <translation>CPU, %1 Threads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Ready to train</source>
        <translation>Bereit zum Training</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The network has problems (see Problems).</source>
        <translation>Das Netz hat Probleme (siehe Probleme).</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Reading the dataset…</source>
        <translation>Datensatz wird gelesen…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stopping after this batch…</source>
        <translation>Stoppt nach diesem Batch…</translation>
    </message>
</context>
</TS>
