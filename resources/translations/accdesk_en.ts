<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ClientCardPane</name>
    <message numerus="yes">
        <location filename="../../ui/client_card.py" line="207"/>
        <source>Before your next call: %n promise(s) need a talk</source>
        <translation>
            <numerusform>Before your next call: %n promise needs a talk</numerusform>
            <numerusform>Before your next call: %n promises need a talk</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueuePane</name>
    <message numerus="yes">
        <location filename="../../ui/queue_pane.py" line="129"/>
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n project</numerusform>
            <numerusform>%n projects</numerusform>
        </translation>
    </message>
</context>
</TS>
