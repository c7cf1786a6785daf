<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>ClientCard</name>
    <message numerus="yes">
      <source>%n feedback answer(s) without a reaction</source>
      <translation>
        <numerusform>%n feedback answer without a reaction</numerusform>
        <numerusform>%n feedback answers without a reaction</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n manager(s) in the last 12 months</source>
      <translation>
        <numerusform>%n manager in the last 12 months</numerusform>
        <numerusform>%n managers in the last 12 months</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Before your next call: %n promise(s) need a talk</source>
      <translation>
        <numerusform>Before your next call: %n promise needs a talk</numerusform>
        <numerusform>Before your next call: %n promises need a talk</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>No birthdays or holidays in the next %n day(s).</source>
      <translation>
        <numerusform>No birthdays or holidays in the next %n day.</numerusform>
        <numerusform>No birthdays or holidays in the next %n days.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Formatting</name>
    <message numerus="yes">
      <source>%n day(s)</source>
      <translation>
        <numerusform>%n day</numerusform>
        <numerusform>%n days</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Import</name>
    <message numerus="yes">
      <source>%1 new, %2 updated, %3 unchanged, %n line(s) with problems.</source>
      <translation>
        <numerusform>%1 new, %2 updated, %3 unchanged, %n line with problems.</numerusform>
        <numerusform>%1 new, %2 updated, %3 unchanged, %n lines with problems.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1 new, %2 updated, %3 unchanged; %n line(s) with problems not imported.</source>
      <translation>
        <numerusform>%1 new, %2 updated, %3 unchanged; %n line with problems not imported.</numerusform>
        <numerusform>%1 new, %2 updated, %3 unchanged; %n lines with problems not imported.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) under the header: %1</source>
      <translation>
        <numerusform>%n line under the header: %1</numerusform>
        <numerusform>%n lines under the header: %1</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message numerus="yes">
      <source>%n brief(s) had text that was not saved; it is back in the editor</source>
      <translation>
        <numerusform>%n brief had text that was not saved; it is back in the editor</numerusform>
        <numerusform>%n briefs had text that was not saved; it is back in the editor</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>QueueModel</name>
    <message numerus="yes">
      <source>%1 client request due in %n minute(s)</source>
      <translation>
        <numerusform>%1 client request due in %n minute</numerusform>
        <numerusform>%1 client request due in %n minutes</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1 client request overdue by %n minute(s)</source>
      <translation>
        <numerusform>%1 client request overdue by %n minute</numerusform>
        <numerusform>%1 client request overdue by %n minutes</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1 deadline in %n business day(s)</source>
      <translation>
        <numerusform>%1 deadline in %n business day</numerusform>
        <numerusform>%1 deadline in %n business days</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1 deadline passed %n business day(s) ago</source>
      <translation>
        <numerusform>%1 deadline passed %n business day ago</numerusform>
        <numerusform>%1 deadline passed %n business days ago</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1 feedback without a reaction (%n)</source>
      <translation>
        <numerusform>%1 feedback without a reaction (%n)</numerusform>
        <numerusform>%1 feedback without a reaction (%n)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1 promise(s) in trouble: %n</source>
      <translation>
        <numerusform>%1 promise in trouble: %n</numerusform>
        <numerusform>%1 promises in trouble: %n</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1 untouched for %n day(s)</source>
      <translation>
        <numerusform>%1 untouched for %n day</numerusform>
        <numerusform>%1 untouched for %n days</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>QueuePane</name>
    <message numerus="yes">
      <source>%1 of %n project(s)</source>
      <translation>
        <numerusform>%1 of %n project</numerusform>
        <numerusform>%1 of %n projects</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Requests</name>
    <message numerus="yes">
      <source>%n client(s) match</source>
      <translation>
        <numerusform>%n client matches</numerusform>
        <numerusform>%n clients match</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n manager(s) match</source>
      <translation>
        <numerusform>%n manager matches</numerusform>
        <numerusform>%n managers match</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Workload</name>
    <message numerus="yes">
      <source>%n project(s) move, %1 h a week. The highest load goes from %2 to %3; no rebalance goes below %4.</source>
      <translation>
        <numerusform>%n project moves, %1 h a week. The highest load goes from %2 to %3; no rebalance goes below %4.</numerusform>
        <numerusform>%n projects move, %1 h a week. The highest load goes from %2 to %3; no rebalance goes below %4.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n project(s) of {client}</source>
      <translation>
        <numerusform>%n project of {client}</numerusform>
        <numerusform>%n projects of {client}</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n project(s) to %1. The reason goes into the client's history:</source>
      <translation>
        <numerusform>%n project goes to %1. The reason goes into the client's history:</numerusform>
        <numerusform>%n projects go to %1. The reason goes into the client's history:</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>&lt;b&gt;%1&lt;/b&gt;: %n open project(s)</source>
      <translation>
        <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n open project</numerusform>
        <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n open projects</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Move %n project(s) to %1</source>
      <translation>
        <numerusform>Move %n project to %1</numerusform>
        <numerusform>Move %n projects to %1</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Rebalance: %n project(s)</source>
      <translation>
        <numerusform>Rebalance: %n project</numerusform>
        <numerusform>Rebalance: %n projects</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{name} would have %n manager(s) within 12 months ({managers}); clients notice a third.</source>
      <translation>
        <numerusform>{name} would have %n manager within 12 months ({managers}); clients notice a third.</numerusform>
        <numerusform>{name} would have %n managers within 12 months ({managers}); clients notice a third.</numerusform>
      </translation>
    </message>
  </context>
</TS>
