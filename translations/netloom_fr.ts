<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Editor</name>
    <message>
        <location filename="../ui/document/graph_document.cpp" line="+261"/>
        <location line="+23"/>
        <location filename="../ui/document/undo_commands.cpp" line="+24"/>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Delete layer</source>
        <translation>Supprimer la couche</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %n layers</source>
        <translation>
            <numerusform>Supprimer %n couche</numerusform>
            <numerusform>Supprimer %n couches</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No such layer.</source>
        <translation>Cette couche n’existe pas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A layer cannot feed itself.</source>
        <translation>Une couche ne peut pas être reliée à elle-même.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output is where the network ends: it has no output to connect.</source>
        <translation>Output est la fin du réseau&#xa0;: il n’a pas de sortie à connecter.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has no input %2.</source>
        <translation>%1 n’a pas d’entrée %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input %1 of %2 is already connected.</source>
        <translation>L’entrée %1 de %2 est déjà connectée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This connection would make a cycle.</source>
        <translation>Cette connexion créerait un cycle.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Replace connection</source>
        <translation>Remplacer la connexion</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A layer needs a name.</source>
        <translation>Une couche a besoin d’un nom.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Another layer is already called %1.</source>
        <translation>Une autre couche s’appelle déjà %1.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Input follows the data</source>
        <translation>L’entrée suit les données</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fix the Input&apos;s shape</source>
        <translation>Fixer la forme de l’entrée</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Layout left to right</source>
        <translation>Disposition de gauche à droite</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Layout top to bottom</source>
        <translation>Disposition de haut en bas</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 is already in the group %2.</source>
        <translation>%1 fait déjà partie du groupe %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select the layers to group first.</source>
        <translation>Sélectionnez d’abord les couches à grouper.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Group %n layers</source>
        <translation>
            <numerusform>Grouper %n couche</numerusform>
            <numerusform>Grouper %n couches</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ungroup</source>
        <translation>Dissocier</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Collapse group</source>
        <translation>Replier le groupe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expand group</source>
        <translation>Déplier le groupe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A group needs a name.</source>
        <translation>Un groupe doit avoir un nom.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Another group is already called %1.</source>
        <translation>Un autre groupe s’appelle déjà %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rename group</source>
        <translation>Renommer le groupe</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <location filename="../ui/document/undo_commands.cpp" line="-10"/>
        <source>Add %1</source>
        <translation>Ajouter %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect</source>
        <translation>Connecter</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Move</source>
        <translation>Déplacer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rename %1 to %2</source>
        <translation>Renommer %1 en %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Layout</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <location filename="../ui/canvas/minimap.cpp" line="+25"/>
        <source>Overview: click or drag to move the canvas</source>
        <translation>Vue d’ensemble : cliquez ou faites glisser pour déplacer le canevas</translation>
    </message>
</context>
<context>
    <name>ImageOp</name>
    <message>
        <location filename="../core/preprocess/image_ops.cpp" line="+53"/>
        <source>Grayscale</source>
        <translation>Niveaux de gris</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>RGB</source>
        <translation>RVB</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resize</source>
        <translation>Redimensionner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Width</source>
        <translation>Largeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Height</source>
        <translation>Hauteur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Center crop</source>
        <translation>Recadrage central</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Canny edges</source>
        <translation>Contours de Canny</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Low threshold</source>
        <translation>Seuil bas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High threshold</source>
        <translation>Seuil haut</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Random flip</source>
        <translation>Retournement aléatoire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Probability</source>
        <translation>Probabilité</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Random rotation</source>
        <translation>Rotation aléatoire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Degrees (±)</source>
        <translation>Degrés (±)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Random crop</source>
        <translation>Recadrage aléatoire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Padding</source>
        <translation>Marge</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scale to 0–1</source>
        <translation>Ramener à 0–1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Normalize</source>
        <translation>Normaliser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Std</source>
        <translation>Écart-type</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Colour jitter</source>
        <translation>Variation de couleur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Brightness</source>
        <translation>Luminosité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contrast</source>
        <translation>Contraste</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <location filename="../ui/preferences/preferences_dialog.cpp" line="+41"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>System</source>
        <comment>language</comment>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Takes effect the next time Netloom starts.</source>
        <translation>Prend effet au prochain démarrage de Netloom.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System</source>
        <comment>theme</comment>
        <translation>Système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Automatic (GPU when available)</source>
        <translation>Automatique (GPU si disponible)</translation>
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
        <translation>&amp;Périphérique d’entraînement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>one per core</source>
        <translation>un par cœur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU &amp;threads</source>
        <translation>T&amp;hreads CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For trainings whose project leaves the device on &quot;auto&quot; and the threads on 0.</source>
        <translation>Pour les entraînements dont le projet laisse le périphérique sur «&#xa0;auto&#xa0;» et les threads sur 0.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Autosave every</source>
        <translation>&amp;Enregistrement automatique toutes les</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>Setting</name>
    <message>
        <location filename="../core/project/settings.cpp" line="+81"/>
        <source>Dataset kind</source>
        <translation>Type de jeu de données</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test set</source>
        <translation>Jeu de test</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Target column</source>
        <translation>Colonne cible</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text column</source>
        <translation>Colonne de texte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Validation split</source>
        <translation>Part de validation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test split</source>
        <translation>Part de test</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Split seed</source>
        <translation>Graine du découpage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sample limit</source>
        <translation>Nombre maximal d&apos;exemples</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Background colour</source>
        <translation>Couleur de fond</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lowercase</source>
        <translation>Minuscules</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Strip punctuation</source>
        <translation>Supprimer la ponctuation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove stop words</source>
        <translation>Supprimer les mots vides</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stem words</source>
        <translation>Raciniser les mots</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vocabulary size</source>
        <translation>Taille du vocabulaire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Minimum frequency</source>
        <translation>Fréquence minimale</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sequence length</source>
        <translation>Longueur de séquence</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loss</source>
        <translation>Perte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Epochs</source>
        <translation>Époques</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch size</source>
        <translation>Taille de lot</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optimizer</source>
        <translation>Optimiseur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Learning rate</source>
        <translation>Taux d&apos;apprentissage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Momentum</source>
        <translation>Moment</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Weight decay</source>
        <translation>Décroissance des poids</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Schedule</source>
        <translation>Planification</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step size</source>
        <translation>Pas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decay factor</source>
        <translation>Facteur de décroissance</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plateau patience</source>
        <translation>Patience (plateau)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Minimum learning rate</source>
        <translation>Taux d&apos;apprentissage minimal</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gradient clipping</source>
        <translation>Écrêtage du gradient</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Early stopping</source>
        <translation>Arrêt anticipé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Monitored metric</source>
        <translation>Métrique surveillée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Early-stopping patience</source>
        <translation>Patience (arrêt anticipé)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPU threads</source>
        <translation>Threads CPU</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Layout direction</source>
        <translation>Sens de la disposition</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/netloom_main.cpp" line="+37"/>
        <source>no translation for &quot;%1&quot;; using English</source>
        <translation>pas de traduction pour «&#xa0;%1&#xa0;»&#xa0;; l’anglais est utilisé</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Design, train and deploy neural networks.</source>
        <translation>Concevoir, entraîner et déployer des réseaux de neurones.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Project file (.netloom) to open.</source>
        <translation>Fichier de projet (.netloom) à ouvrir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save a PNG of the window to FILE and quit (docs, tests).</source>
        <translation>Enregistrer une image PNG de la fenêtre dans FILE et quitter (documentation, tests).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open in MODE: design, data, preprocessing or train.</source>
        <translation>Ouvrir dans le mode MODE&#xa0;: design, data, preprocessing ou train.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wait MS milliseconds before the screenshot (default 300).</source>
        <translation>Attendre MS millisecondes avant la capture d’écran (300 par défaut).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save a PNG of the whole graph at full size to FILE and quit (docs).</source>
        <translation>Enregistrer un PNG du graphe entier en taille réelle dans FICHIER et quitter (documentation).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Use language LANG (en, de, fr) instead of the preference.</source>
        <translation>Utiliser la langue LANG (en, de, fr) au lieu de la préférence.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>--mode must be one of design, data, preprocessing, train (got &quot;%1&quot;)</source>
        <translation>--mode doit valoir design, data, preprocessing ou train (reçu «&#xa0;%1&#xa0;»)</translation>
    </message>
</context>
<context>
    <name>netloom::ui::Chart</name>
    <message>
        <location filename="../ui/charts/chart.cpp" line="+78"/>
        <source>Save as PNG…</source>
        <translation>Enregistrer en PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Save chart</source>
        <translation>Enregistrer le graphique</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as SVG…</source>
        <translation>Enregistrer en SVG…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SVG drawings (*.svg)</source>
        <translation>Dessins SVG (*.svg)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reset zoom</source>
        <translation>Réinitialiser le zoom</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: %2  (x = %3)</source>
        <translation>%1&#xa0;: %2  (x = %3)</translation>
    </message>
</context>
<context>
    <name>netloom::ui::ClusterJobDialog</name>
    <message>
        <location filename="../ui/export/cluster_job_dialog.cpp" line="+22"/>
        <source>Train on a Cluster</source>
        <translation>Entraîner sur un cluster</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writes a trainer image and Kubernetes manifests (Kubeflow PyTorchJob, Kubeflow Trainer TrainJob, or a plain Indexed Job) that train this project on several pods at once. The global batch stays the project&apos;s batch size.</source>
        <translation>Écrit une image d’entraînement et des manifestes Kubernetes (Kubeflow PyTorchJob, Kubeflow Trainer TrainJob ou un simple Indexed Job) qui entraînent ce projet sur plusieurs pods à la fois. Le lot global reste la taille de lot du projet.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Job Bundle Folder</source>
        <translation>Dossier du paquet de job</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Folder:</source>
        <translation>Dossier :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pods:</source>
        <translation>Pods :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none (CPU)</source>
        <translation>aucun (CPU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPUs per pod:</source>
        <translation>GPU par pod :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trainer image:</source>
        <translation>Image d’entraînement :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a new claim, filled as the README says</source>
        <translation>une nouvelle demande, remplie comme le dit le README</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data claim:</source>
        <translation>Demande de données :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a new claim</source>
        <translation>une nouvelle demande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs claim:</source>
        <translation>Demande pour les exécutions :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU per pod:</source>
        <translation>CPU par pod :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory per pod:</source>
        <translation>Mémoire par pod :</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Write Bundle</source>
        <translation>Écrire le paquet</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Choose a folder for the bundle.</source>
        <translation>Choisissez un dossier pour le paquet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not written: %1</source>
        <translation>Non écrit : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Written to %1. Build the image and start the job as its README.md says, for example:
kubectl apply -f k8s/storage.yaml -f k8s/project.yaml -f k8s/pytorchjob.yaml</source>
        <translation>Écrit dans %1. Construisez l’image et lancez le job comme le dit README.md, par exemple :
kubectl apply -f k8s/storage.yaml -f k8s/project.yaml -f k8s/pytorchjob.yaml</translation>
    </message>
</context>
<context>
    <name>netloom::ui::ColumnStatsModel</name>
    <message>
        <location filename="../ui/data/csv_table_model.cpp" line="+50"/>
        <source>numeric</source>
        <translation>numérique</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>categorical</source>
        <translation>catégorielle</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Missing</source>
        <translation>Manquantes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Distinct</source>
        <translation>Distinctes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Min / most frequent</source>
        <translation>Min / plus fréquente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mean</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Std</source>
        <translation>Écart type</translation>
    </message>
</context>
<context>
    <name>netloom::ui::CsvTableModel</name>
    <message>
        <location line="-37"/>
        <source>Missing value</source>
        <translation>Valeur manquante</translation>
    </message>
</context>
<context>
    <name>netloom::ui::DatasetPanel</name>
    <message>
        <location filename="../ui/data/dataset_panel.cpp" line="+52"/>
        <location line="+253"/>
        <source>No dataset loaded</source>
        <translation>Aucun jeu de données chargé</translation>
    </message>
    <message>
        <location line="-245"/>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Add a resize step</source>
        <translation>Ajouter une étape de redimensionnement</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Samples per class and split</source>
        <translation>Exemples par classe et par partition</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Text length (tokens after preprocessing)</source>
        <translation>Longueur des textes (jetons après prétraitement)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Sample</source>
        <translation>Exemple</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+88"/>
        <source>Select a sample</source>
        <translation>Sélectionnez un exemple</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Unreadable or skipped inputs</source>
        <translation>Entrées illisibles ou ignorées</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>reading…</source>
        <translation>lecture…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>IDX (MNIST-style)</source>
        <translation>IDX (style MNIST)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image folders</source>
        <translation>Dossiers d’images</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV table</source>
        <translation>Table CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text in a CSV</source>
        <translation>Texte dans un CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text files per class</source>
        <translation>Fichiers texte par classe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebDataset shards (streamed)</source>
        <translation>Fragments WebDataset (en flux)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Browse for the data…</source>
        <translation>Choisir les données…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&lt;b&gt;Training cannot use this data as it is:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;L’entraînement ne peut pas utiliser ces données telles quelles :&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a resize step to %1×%2</source>
        <translation>Ajouter un redimensionnement en %1×%2</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Choose the data file</source>
        <translation>Choisir le fichier de données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the data folder</source>
        <translation>Choisir le dossier de données</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change dataset path</source>
        <translation>Modifier le chemin du jeu de données</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 samples (train %3, validation %4, test %5) · %6 classes · read in %7 s</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 exemples (entraînement %3, validation %4, test %5) · %6 classes · lu en %7 s</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>note</source>
        <translation>remarque</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No dataset yet: choose the kind of data and its file or folder on the left, or start with File ▸ New from Data…</source>
        <translation>Pas encore de données : choisissez à gauche le type de données et leur fichier ou dossier, ou commencez par Fichier ▸ Nouveau à partir de données…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the CSV file (Browse for the data…).</source>
        <translation>Choisissez le fichier CSV (Choisir les données…).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the data folder (Browse for the data…).</source>
        <translation>Choisissez le dossier des données (Choisir les données…).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The dataset cannot be read: %1</source>
        <translation>Le jeu de données ne peut pas être lu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>train</source>
        <translation>entraînement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>validation</source>
        <translation>validation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+6"/>
        <source>texts</source>
        <translation>textes</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>tokens (the model sees %1)</source>
        <translation>jetons (le modèle en voit %1)</translation>
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
        <translation>Impossible de lire cette image&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>netloom::ui::EditorActions</name>
    <message>
        <location filename="../ui/canvas/editor_actions.cpp" line="+45"/>
        <source>Cu&amp;t</source>
        <translation>Co&amp;uper</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate</source>
        <translation>D&amp;upliquer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dis&amp;connect</source>
        <translation>Dé&amp;connecter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;All</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Layout</source>
        <translation>&amp;Disposer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lay the network out in ranks from the inputs to the outputs, edges routed around the layers</source>
        <translation>Disposer le réseau en rangs des entrées vers les sorties, les arêtes contournant les couches</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Top to Bottom</source>
        <translation>De &amp;haut en bas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Left to Right</source>
        <translation>De &amp;gauche à droite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fit to View</source>
        <translation>&amp;Ajuster à la vue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Group</source>
        <translation>&amp;Grouper</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the selected layers a named block that can be collapsed into one node</source>
        <translation>Faire des couches sélectionnées un bloc nommé, repliable en un seul nœud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>U&amp;ngroup</source>
        <translation>&amp;Dissocier</translation>
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
        <translation>Replier le groupe</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>Rename Group…</source>
        <translation>Renommer le groupe…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Ungroup</source>
        <translation>Dissocier</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rename Group</source>
        <translation>Renommer le groupe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Expand Group</source>
        <translation>Déplier le groupe</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>&amp;Add Layer Here</source>
        <translation>&amp;Ajouter une couche ici</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Paste Here</source>
        <translation>C&amp;oller ici</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Layout &amp;Direction</source>
        <translation>&amp;Sens de la disposition</translation>
    </message>
</context>
<context>
    <name>netloom::ui::ExportDialog</name>
    <message>
        <location filename="../ui/export/export_dialog.cpp" line="+55"/>
        <source>Export model and deployment bundle</source>
        <translation>Exporter le modèle et le paquet de déploiement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What and where</source>
        <translation>Quoi et où</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+6"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Checkpoint</source>
        <translation>Point de contrôle</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Destination folder</source>
        <translation>Dossier de destination</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Raw image input (decoding and preprocessing inside the model)</source>
        <translation>Entrée image brute (décodage et prétraitement dans le modèle)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the deployment bundle (server, Dockerfile, Kubernetes)</source>
        <translation>Écrire le paquet de déploiement (serveur, Dockerfile, Kubernetes)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also write a Triton Inference Server model repository</source>
        <translation>Écrire aussi un dépôt de modèles pour Triton Inference Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request a GPU in Kubernetes</source>
        <translation>Demander un GPU dans Kubernetes</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Replicas</source>
        <translation>Réplicas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU request</source>
        <translation>Demande CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory request</source>
        <translation>Demande mémoire</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Samples</source>
        <translation>Exemples</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Max |difference|</source>
        <translation>|Écart| max</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Top-1 agreement</source>
        <translation>Accord top-1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy docker build command</source>
        <translation>Copier la commande docker build</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy kubectl apply command</source>
        <translation>Copier la commande kubectl apply</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose a checkpoint</source>
        <translation>Choisir un point de contrôle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoints (*.ckpt)</source>
        <translation>Points de contrôle (*.ckpt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export into</source>
        <translation>Exporter dans</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Finishing the export first…</source>
        <translation>Fin de l’export en cours…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Choose a checkpoint first: train the model, or browse to a .ckpt file.</source>
        <translation>Choisissez d&apos;abord un point de contrôle : entraînez le modèle ou choisissez un fichier .ckpt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a destination folder.</source>
        <translation>Choisissez un dossier de destination.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The export failed.</source>
        <translation>L&apos;export a échoué.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The model was exported and verified, but the bundle could not be written:</source>
        <translation>Le modèle a été exporté et vérifié, mais le paquet n&apos;a pas pu être écrit :</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Exporting to ONNX and verifying in ONNX Runtime against LibTorch…</source>
        <translation>Export en ONNX et vérification dans ONNX Runtime par rapport à LibTorch…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Writing the deployment bundle…</source>
        <translation>Écriture du paquet de déploiement…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>passed</source>
        <translation>réussi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FAILED</source>
        <translation>ÉCHEC</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bundle failed</source>
        <translation>Échec du paquet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Verified&lt;/b&gt; with %1 (tolerance %2): export %3 s, verification %4 s.</source>
        <translation>&lt;b&gt;Vérifié&lt;/b&gt; avec %1 (tolérance %2)&#xa0;: export %3 s, vérification %4 s.</translation>
    </message>
</context>
<context>
    <name>netloom::ui::GroupItem</name>
    <message numerus="yes">
        <location filename="../ui/canvas/group_item.cpp" line="+57"/>
        <source>group of %n layers</source>
        <translation>
            <numerusform>groupe de %n couche</numerusform>
            <numerusform>groupe de %n couches</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;%3&lt;br&gt;Double-click to expand</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;%3&lt;br&gt;Double-clic pour déplier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Double-click the title to collapse</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Double-clic sur le titre pour replier</translation>
    </message>
</context>
<context>
    <name>netloom::ui::HelpDialog</name>
    <message>
        <location filename="../ui/help_dialog.cpp" line="+19"/>
        <source>Netloom User Guide</source>
        <translation>Guide de l’utilisateur de Netloom</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The guide is not installed here (looked for %1).</source>
        <translation>Le guide n’est pas installé ici (cherché : %1).</translation>
    </message>
</context>
<context>
    <name>netloom::ui::Inspector</name>
    <message>
        <location filename="../ui/panels/inspector.cpp" line="+62"/>
        <source>Select a layer to edit its parameters.</source>
        <translation>Sélectionnez une couche pour modifier ses paramètres.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The layer&apos;s name, unique in the network (F2).</source>
        <translation>Le nom de la couche, unique dans le réseau (F2).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Follows the data</source>
        <translation>Suit les données</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The kind and shape come from the dataset and its preprocessing; untick to type them yourself.</source>
        <translation>Le type et la forme viennent du jeu de données et de son prétraitement ; décochez pour les saisir vous-même.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Shape</source>
        <translation>Forme</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1: &quot;%2&quot; is not a whole number</source>
        <translation>%1&#xa0;: «&#xa0;%2&#xa0;» n’est pas un nombre entier</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>From the data. %1</source>
        <translation>D’après les données. %1</translation>
    </message>
</context>
<context>
    <name>netloom::ui::LayerPalette</name>
    <message>
        <location filename="../ui/panels/layer_palette.cpp" line="+43"/>
        <source>Search layers…</source>
        <translation>Rechercher des couches…</translation>
    </message>
</context>
<context>
    <name>netloom::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="+108"/>
        <source>Laying out…</source>
        <translation>Disposition…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Layout failed: %1</source>
        <translation>La disposition a échoué : %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Design</source>
        <translation>Conception</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse</source>
        <translation>Parcourir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preprocessing</source>
        <translation>Prétraitement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Train</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Training is running</source>
        <translation>Entraînement en cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop training and close? The run keeps its last checkpoint and can be resumed.</source>
        <translation>Arrêter l’entraînement et fermer&#xa0;? L’exécution conserve son dernier point de contrôle et peut être reprise.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Layers</source>
        <translation>Couches</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New from Example</source>
        <translation>&amp;Nouveau depuis un exemple</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+102"/>
        <source>Open Project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <location line="-102"/>
        <location line="+102"/>
        <location line="+89"/>
        <source>Netloom projects (*.netloom)</source>
        <translation>Projets Netloom (*.netloom)</translation>
    </message>
    <message>
        <location line="-188"/>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;As…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+5"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rétablir&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Layout &amp;Direction</source>
        <translation>&amp;Sens de la disposition</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Panels</source>
        <translation>&amp;Panneaux</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre&amp;ferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Design</source>
        <translation>&amp;Conception</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;ata</source>
        <translation>D&amp;onnées</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preprocessing</source>
        <translation>&amp;Prétraitement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Train</source>
        <translation>&amp;Entraînement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+4</source>
        <translation>Ctrl+4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Model</source>
        <translation>&amp;Modèle</translation>
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
        <translation>&amp;Entraîner</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Pause or Resume Training</source>
        <translation>&amp;Suspendre ou reprendre l’entraînement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F6</source>
        <translation>F6</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop Training</source>
        <translation>&amp;Arrêter l’entraînement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shift+F5</source>
        <translation>Shift+F5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train on a &amp;Cluster…</source>
        <translation>Entraîner sur un &amp;cluster…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Main</source>
        <translation>Barre principale</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New from &amp;Data…</source>
        <translation>Nouveau à partir de &amp;données…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>untitled</source>
        <translation>sans-titre</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User Guide</source>
        <translation>&amp;Guide de l’utilisateur</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;About Netloom</source>
        <translation>À &amp;propos de Netloom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Netloom</source>
        <translation>À propos de Netloom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Netloom %1&lt;/h3&gt;&lt;p&gt;Design, train and deploy neural networks.&lt;/p&gt;&lt;p&gt;Built with Qt %2, LibTorch, OpenCV and ONNX; exports are verified with ONNX Runtime.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Netloom %1&lt;/h3&gt;&lt;p&gt;Concevoir, entraîner et déployer des réseaux de neurones.&lt;/p&gt;&lt;p&gt;Construit avec Qt %2, LibTorch, OpenCV et ONNX ; les exports sont vérifiés avec ONNX Runtime.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot open project</source>
        <translation>Impossible d’ouvrir le projet</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+13"/>
        <source>Cannot save</source>
        <translation>Impossible d’enregistrer</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Save Project</source>
        <translation>Enregistrer le projet</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The project has unsaved changes. Save them?</source>
        <translation>Le projet contient des modifications non enregistrées. Les enregistrer&#xa0;?</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1[*] — Netloom</source>
        <translation>%1[*] — Netloom</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 parameters</source>
        <translation>%1 paramètres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid</source>
        <translation>Valide</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problème</numerusform>
            <numerusform>%n problèmes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Recover unsaved work?</source>
        <translation>Récupérer le travail non enregistré&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Netloom did not close cleanly last time. Recover the unsaved project?</source>
        <translation>Netloom ne s’est pas fermé correctement la dernière fois. Récupérer le projet non enregistré&#xa0;?</translation>
    </message>
</context>
<context>
    <name>netloom::ui::NewFromDataWizard</name>
    <message>
        <location filename="../ui/start/new_from_data_wizard.cpp" line="+45"/>
        <source>Sort into classes (classification)</source>
        <translation>Ranger en classes (classification)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes or no (binary)</source>
        <translation>Oui ou non (binaire)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predict numbers (regression)</source>
        <translation>Prédire des nombres (régression)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconstruct the input (autoencoder)</source>
        <translation>Reconstruire l’entrée (auto-encodeur)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>image folders, one per class</source>
        <translation>dossiers d’images, un par classe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IDX files</source>
        <translation>fichiers IDX</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a table (CSV)</source>
        <translation>un tableau (CSV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>texts in a CSV</source>
        <translation>des textes dans un CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text files, one folder per class</source>
        <translation>fichiers texte, un dossier par classe</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n échantillon</numerusform>
            <numerusform>%n échantillons</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A separate test set: %1</source>
        <translation>Un jeu de test à part : %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n class(es): %1</source>
        <translation>
            <numerusform>%n classe : %1</numerusform>
            <numerusform>%n classes : %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Image sizes: %1</source>
        <translation>Tailles d’image : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour: %1 gray, %2 RGB, %3 RGBA</source>
        <translation>Couleur : %1 gris, %2 RVB, %3 RVBA</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n colonne</numerusform>
            <numerusform>%n colonnes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target: %1</source>
        <translation>Cible : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text column: %1</source>
        <translation>Colonne de texte : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 missing values</source>
        <translation>%1 valeurs manquantes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Words per text: median %1, 95% under %2, at most %3; %4 different words</source>
        <translation>Mots par texte : médiane %1, 95 % sous %2, au plus %3 ; %4 mots différents</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+252"/>
        <location line="+5"/>
        <source>New from Data</source>
        <translation>Nouveau à partir de données</translation>
    </message>
    <message>
        <location line="-244"/>
        <source>Your data</source>
        <translation>Vos données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A folder of images (one subfolder per class), a CSV table, a CSV of texts, or a folder of IDX files.</source>
        <translation>Un dossier d’images (un sous-dossier par classe), un tableau CSV, un CSV de textes ou un dossier de fichiers IDX.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Path of a folder or a file</source>
        <translation>Chemin d’un dossier ou d’un fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder…</source>
        <translation>Dossier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File…</source>
        <translation>Fichier…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data folder</source>
        <translation>Dossier des données</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data file</source>
        <translation>Fichier de données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tables and texts (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>Tableaux et textes (*.csv *.tsv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Your choices</source>
        <translation>Vos choix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each field starts at what fits the data; change what you like.</source>
        <translation>Chaque champ part de ce qui convient aux données ; changez ce que vous voulez.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chosen from the data</source>
        <translation>Choisi d’après les données</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+12"/>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gray</source>
        <translation>gris</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>colour (RGB)</source>
        <translation>couleur (RVB)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the project as</source>
        <translation>Enregistrer le projet sous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Netloom projects (*.netloom)</source>
        <translation>Projets Netloom (*.netloom)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image size</source>
        <translation>Taille d’image</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validation share</source>
        <translation>Part de validation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test share</source>
        <translation>Part de test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs</source>
        <translation>Époques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project file</source>
        <translation>Fichier du projet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your project</source>
        <translation>Votre projet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish saves the project and opens it: it validates and trains as it is.</source>
        <translation>Terminer enregistre le projet et l’ouvre : il est valide et s’entraîne tel quel.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Choose a folder or a file.</source>
        <translation>Choisissez un dossier ou un fichier.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Looking at %1…</source>
        <translation>Examen de %1…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This cannot be used: %1</source>
        <translation>Inutilisable : %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Most images are %1×%2; “automatic” resizes to that (at most 128 on the longer side).</source>
        <translation>La plupart des images font %1×%2 ; « automatique » redimensionne à cette taille (au plus 128 sur le grand côté).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Image size and channels apply to images only.</source>
        <translation>La taille d’image et les canaux ne concernent que les images.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The data has its own test set.</source>
        <translation>Les données ont leur propre jeu de test.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choosing the preprocessing and a network for your data…</source>
        <translation>Choix du prétraitement et d’un réseau pour vos données…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No project fits these choices: %1</source>
        <translation>Aucun projet ne convient à ces choix : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What was chosen, and why:</source>
        <translation>Ce qui a été choisi, et pourquoi :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The network:</source>
        <translation>Le réseau :</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 exists. Replace it?</source>
        <translation>%1 existe. Le remplacer ?</translation>
    </message>
</context>
<context>
    <name>netloom::ui::NodeItem</name>
    <message numerus="yes">
        <location filename="../ui/canvas/node_item.cpp" line="+50"/>
        <source>&lt;br&gt;%n parameters</source>
        <translation>
            <numerusform>&lt;br&gt;%n paramètre</numerusform>
            <numerusform>&lt;br&gt;%n paramètres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netloom::ui::ParamEditor</name>
    <message>
        <location filename="../ui/forms/param_editor.cpp" line="+58"/>
        <source>comma-separated, e.g. 0.5, 0.5, 0.5</source>
        <translation>séparés par des virgules, p. ex. 0.5, 0.5, 0.5</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>« %1 » n&apos;est pas un nombre entier</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+13"/>
        <source>&quot;%1&quot; is not a number</source>
        <translation>« %1 » n&apos;est pas un nombre</translation>
    </message>
</context>
<context>
    <name>netloom::ui::PreviewPanel</name>
    <message>
        <location filename="../ui/data/preview_panel.cpp" line="+79"/>
        <source>Random sample</source>
        <translation>Exemple au hasard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show training-time augmentation</source>
        <translation>Afficher l’augmentation de l’entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reroll</source>
        <translation>Nouveau tirage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw the random augmentation again</source>
        <translation>Tirer à nouveau l’augmentation aléatoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample</source>
        <translation>Exemple</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Image pipeline</source>
        <translation>Pipeline d’image</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Add preprocessing step</source>
        <translation>Ajouter une étape de prétraitement</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove preprocessing step</source>
        <translation>Retirer une étape de prétraitement</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reorder preprocessing steps</source>
        <translation>Réordonner les étapes de prétraitement</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Text pipeline</source>
        <translation>Pipeline de texte</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Training only: never applied at inference or in the export</source>
        <translation>Entraînement seulement&#xa0;: jamais appliqué à l’inférence ni dans l’export</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&lt;p&gt;Tabular data is standardised (numeric columns, with statistics of the training split) and one-hot encoded (categorical columns) when it is loaded; see the dataset browser.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Les données tabulaires sont standardisées (colonnes numériques, avec les statistiques de la partition d’entraînement) et encodées en one-hot (colonnes catégorielles) au chargement&#xa0;; voir le navigateur de données.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The pipeline cannot run on this sample: %1</source>
        <translation>Le pipeline ne peut pas s’exécuter sur cet exemple&#xa0;: %1</translation>
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
        <translation>valeurs de %1 à %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&lt;h4&gt;Original&lt;/h4&gt;&lt;pre style=&apos;white-space: pre-wrap&apos;&gt;%1&lt;/pre&gt;</source>
        <translation>&lt;h4&gt;Original&lt;/h4&gt;&lt;pre style=&apos;white-space: pre-wrap&apos;&gt;%1&lt;/pre&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h4&gt;Cleaned&lt;/h4&gt;&lt;pre style=&apos;white-space: pre-wrap&apos;&gt;%1&lt;/pre&gt;</source>
        <translation>&lt;h4&gt;Nettoyé&lt;/h4&gt;&lt;pre style=&apos;white-space: pre-wrap&apos;&gt;%1&lt;/pre&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>out of vocabulary</source>
        <translation>hors vocabulaire</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;h4&gt;Tokens (%1; out-of-vocabulary in red)&lt;/h4&gt;&lt;p&gt;%2&lt;/p&gt;</source>
        <translation>&lt;h4&gt;Jetons (%1&#xa0;; hors vocabulaire en rouge)&lt;/h4&gt;&lt;p&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;h4&gt;Ids (length %1; %2 padding ids in gray, in front; vocabulary %3)&lt;/h4&gt;&lt;p style=&apos;font-family:monospace&apos;&gt;%4&lt;/p&gt;</source>
        <translation>&lt;h4&gt;Identifiants (longueur %1&#xa0;; %2 identifiants de remplissage en gris, au début&#xa0;; vocabulaire %3)&lt;/h4&gt;&lt;p style=&apos;font-family:monospace&apos;&gt;%4&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>netloom::ui::RunsPanel</name>
    <message>
        <location filename="../ui/training/runs_panel.cpp" line="+36"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epochs</source>
        <translation>Époques</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Best val acc</source>
        <translation>Meilleure précision val.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Best val loss</source>
        <translation>Meilleure perte val.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Final acc</source>
        <translation>Préc. finale</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Validation curves of the selected runs</source>
        <translation>Courbes de validation des exécutions sélectionnées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>epoch</source>
        <translation>époque</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 lr %2, batch %3, %4 epochs%5</source>
        <translation>%1 lr %2, lot %3, %4 époques%5</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unfinished</source>
        <translation>inachevée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · resumable</source>
        <translation> · peut être reprise</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (val)</source>
        <translation> (val.)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 val loss</source>
        <translation>%1 perte val.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 val acc</source>
        <translation>%1 précision val.</translation>
    </message>
</context>
<context>
    <name>netloom::ui::SettingsForm</name>
    <message>
        <location filename="../ui/forms/settings_form.cpp" line="+38"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Change %1</source>
        <translation>Modifier %1</translation>
    </message>
</context>
<context>
    <name>netloom::ui::StartPage</name>
    <message>
        <location filename="../ui/start/start_page.cpp" line="+40"/>
        <source>&lt;h2&gt;Start a network&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Commencer un réseau&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Point Netloom at your data: it looks at it, proposes the preprocessing and a network that fits, and you train at once. Or start blank, open a project, or try an example.</source>
        <translation>Montrez vos données à Netloom : il les examine, propose le prétraitement et un réseau adapté, et vous entraînez aussitôt. Ou partez de zéro, ouvrez un projet ou essayez un exemple.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>New from Data…</source>
        <translation>Nouveau à partir de données…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Blank Project</source>
        <translation>Projet vide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Examples</source>
        <translation>Exemples</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent projects</source>
        <translation>Projets récents</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>none yet</source>
        <translation>aucun pour l’instant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no examples installed</source>
        <translation>aucun exemple installé</translation>
    </message>
</context>
<context>
    <name>netloom::ui::SummaryTable</name>
    <message>
        <location filename="../ui/panels/summary_table.cpp" line="+12"/>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Output shape</source>
        <translation>Forme de sortie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>netloom::ui::TrainingCharts</name>
    <message>
        <location filename="../ui/training/training_charts.cpp" line="+29"/>
        <source>Loss</source>
        <translation>Perte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metrics per epoch</source>
        <translation>Métriques par époque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>Taux d’apprentissage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confusion matrix (validation)</source>
        <translation>Matrice de confusion (validation)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>batch</source>
        <translation>lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>batch, smoothed</source>
        <translation>lot, lissé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>train (epoch)</source>
        <translation>entraînement (époque)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation (epoch)</source>
        <translation>validation (époque)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+9"/>
        <location line="+3"/>
        <source>epoch</source>
        <translation>époque</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>train accuracy</source>
        <translation>précision d’entraînement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation accuracy</source>
        <translation>précision de validation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation MAE</source>
        <translation>MAE de validation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>learning rate</source>
        <translation>taux d’apprentissage</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>predicted</source>
        <translation>prédite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true</source>
        <translation>réelle</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>best epoch %1</source>
        <translation>meilleure époque %1</translation>
    </message>
</context>
<context>
    <name>netloom::ui::TrainingPanel</name>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="+79"/>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+81"/>
        <location line="+153"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="-233"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+166"/>
        <source>Not started</source>
        <translation>Non démarré</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>Device: %1 · %2 parameters</source>
        <translation>Périphérique&#xa0;: %1 · %2 paramètres</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Epoch %1 of %2 starting…</source>
        <translation>Début de l’époque %1 sur %2…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Epoch %1/%2 · batch %3/%4 · loss %5 · %6 samples/s · ETA %7</source>
        <translation>Époque %1/%2 · lot %3/%4 · perte %5 · %6 exemples/s · reste %7</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%p% · ETA %1</source>
        <translation>%p% · reste %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Training failed: %1</source>
        <translation>L&apos;entraînement a échoué : %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Training settings</source>
        <translation>Paramètres d&apos;entraînement</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The network has problems; fix them first (see Problems).</source>
        <translation>Le réseau a des problèmes ; corrigez-les d&apos;abord (voir Problèmes).</translation>
    </message>
    <message>
        <location line="-194"/>
        <source>val accuracy %1</source>
        <translation>précision val. %1</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>, accuracy %1</source>
        <translation>, exactitude %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epoch %1: training loss %2%3 (no validation split)%4</source>
        <translation>Époque %1 : perte d&apos;entraînement %2%3 (pas de part de validation)%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>val MAE %1</source>
        <translation>MAE val. %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epoch %1: val loss %2, %3%4</source>
        <translation>Époque %1&#xa0;: perte val. %2, %3%4</translation>
    </message>
    <message>
        <location line="-7"/>
        <source> (best so far)</source>
        <translation> (meilleure jusqu’ici)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no test or validation split: nothing was held out to evaluate</source>
        <translation>pas de part de test ni de validation : rien n&apos;a été mis de côté pour l&apos;évaluation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accuracy %1</source>
        <translation>exactitude %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>loss %1</source>
        <translation>perte %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test %1</source>
        <translation>test : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no test split; validation %1</source>
        <translation>pas de part de test ; validation : %1</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Preparing the data: %1 of %2 images decoded into the cache</source>
        <translation>Préparation des données : %1 images sur %2 décodées dans le cache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, about %1 s left</source>
        <translation>, environ %1 s restantes</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>(%n unreadable input(s) skipped, named in the run&apos;s events)</source>
        <translation>
            <numerusform>(%n entrée illisible ignorée, nommée dans les événements de l’exécution)</numerusform>
            <numerusform>(%n entrées illisibles ignorées, nommées dans les événements de l’exécution)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+12"/>
        <source>%p% · paused</source>
        <translation>%p% · en pause</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Paused at epoch %1, batch %2</source>
        <translation>En pause à l’époque %1, lot %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resuming…</source>
        <translation>Reprise…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopped: %1 — resume it from the run list</source>
        <translation>Arrêté : %1 — reprenez-le depuis la liste des exécutions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished: %1</source>
        <translation>Terminé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best epoch %1 · %2 · checkpoints in %3</source>
        <translation>Meilleure époque %1 · %2 · points de contrôle dans %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No epoch completed; the run can be resumed from %1</source>
        <translation>Aucune époque terminée&#xa0;; l’exécution peut être reprise depuis %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>CPU, %1 threads</source>
        <translation>CPU, %1 threads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device: %1</source>
        <translation>Périphérique&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Ready to train</source>
        <translation>Prêt à entraîner</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The network has problems (see Problems).</source>
        <translation>Le réseau a des problèmes (voir Problèmes).</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Reading the dataset…</source>
        <translation>Lecture du jeu de données…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stopping after this batch…</source>
        <translation>Arrêt après ce lot…</translation>
    </message>
</context>
</TS>
