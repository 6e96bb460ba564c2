# Fails when translations/netloom_<lang>.ts is not complete for the current sources: runs lupdate
# on a copy (the committed file is left alone) and looks for what lupdate marks.
#   cmake -DLUPDATE=<lupdate> -DTS=<netloom_de.ts> -DSOURCES=<lupdate list file> -DWORK=<dir> -P check_complete.cmake
# A string in the sources with no translation comes out as type="unfinished"; a translation whose
# string left the sources as type="vanished"/"obsolete"; a plural with a form left empty as an
# empty <numerusform>. Fix: cmake --build build --target update_translations, then translate
# (Qt Linguist: linguist translations/netloom_<lang>.ts).
foreach(var LUPDATE TS SOURCES WORK)
  if(NOT ${var})
    message(FATAL_ERROR "check_complete.cmake: -D${var}=... is missing")
  endif()
endforeach()
get_filename_component(name "${TS}" NAME)
file(MAKE_DIRECTORY "${WORK}")
file(COPY_FILE "${TS}" "${WORK}/${name}")
execute_process(COMMAND "${LUPDATE}" -silent -locations relative "@${SOURCES}" -ts "${WORK}/${name}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed (${rc}):\n${out}${err}")
endif()
file(READ "${WORK}/${name}" ts)
# Semicolons and brackets would cut or glue CMake list items: stand-ins while splitting.
string(REPLACE ";" "@SEMICOLON@" ts "${ts}")
string(REPLACE "[" "@LBRACKET@" ts "${ts}")
string(REPLACE "]" "@RBRACKET@" ts "${ts}")

set(problems "")
# One <message>…</message> at a time, so each problem names its source text.
string(REGEX MATCHALL "<message[^>]*>.*</message>" all "${ts}")  # greedy: all messages, split below
string(REPLACE "</message>" "</message>;" messages "${all}")
foreach(m IN LISTS messages)
  set(why "")
  if(m MATCHES "type=\"unfinished\"")
    set(why "not translated")
  elseif(m MATCHES "type=\"(vanished|obsolete)\"")
    set(why "no longer in the sources")
  elseif(m MATCHES "<translation></translation>|<translation/>|<numerusform></numerusform>|<numerusform/>")
    set(why "empty translation")
  endif()
  if(why)
    string(REGEX MATCH "<source>[^<]*</source>" source "${m}")
    string(REGEX REPLACE "</?source>" "" source "${source}")
    string(REPLACE "@SEMICOLON@" ";" source "${source}")
    string(REPLACE "@LBRACKET@" "[" source "${source}")
    string(REPLACE "@RBRACKET@" "]" source "${source}")
    string(REPLACE "&lt;" "<" source "${source}")
    string(REPLACE "&gt;" ">" source "${source}")
    string(REPLACE "&quot;" "\"" source "${source}")
    string(REPLACE "&apos;" "'" source "${source}")
    string(REPLACE "&amp;" "&" source "${source}")
    string(APPEND problems "  ${why}: \"${source}\"\n")
  endif()
endforeach()
if(problems)
  message(FATAL_ERROR "${name} is not complete for the current sources:\n${problems}"
          "Refresh it with: cmake --build <build> --target update_translations, then translate the new strings.")
endif()
string(REGEX MATCHALL "<message" count "${ts}")
list(LENGTH count n)
message(STATUS "${name}: all ${n} messages translated")
