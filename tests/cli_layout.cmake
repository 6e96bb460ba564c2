# netloom-cli layout SRC --direction LR --out OUT/p.netloom: exit 0, the copy keeps "LR" and passes
# validate, the source is untouched; a bad --direction exits 2 naming the option and writes nothing.
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
file(READ ${SRC} before)
execute_process(COMMAND ${CLI} layout ${SRC} --direction LR --out ${OUT}/p.netloom
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "Laid out [0-9]+ layers and [0-9]+ edges LR")
  message(FATAL_ERROR "layout failed (${rc}):\n${out}\n${err}")
endif()
file(READ ${OUT}/p.netloom written)
if(NOT written MATCHES "\"direction\": \"LR\"")
  message(FATAL_ERROR "the direction is not in the written file")
endif()
file(READ ${SRC} after)
if(NOT before STREQUAL after)
  message(FATAL_ERROR "the source project was changed")
endif()
execute_process(COMMAND ${CLI} validate ${OUT}/p.netloom RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the laid-out copy does not validate (${rc}):\n${out}\n${err}")
endif()
execute_process(COMMAND ${CLI} layout ${SRC} --direction BT --out ${OUT}/q.netloom
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "--direction must be TB or LR" OR EXISTS ${OUT}/q.netloom)
  message(FATAL_ERROR "a bad direction: expected exit 2 and no file, got ${rc}:\n${err}")
endif()
# A collapsed group (nodes 4 to 7) is laid out as one node: its layers move together (their
# arrangement kept), the layer before it stays out of their box, and the group is kept in the file.
string(JSON grouped SET "${before}" editor "{\"groups\": [{\"name\": \"block\", \"members\": [4, 5, 6, 7], \"collapsed\": true}]}")
file(WRITE ${OUT}/g.netloom "${grouped}")
file(WRITE ${OUT}/../cli-layout-source.netloom "${grouped}")
execute_process(COMMAND ${CLI} layout ${OUT}/g.netloom RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "layout of a grouped project failed (${rc}):\n${out}\n${err}")
endif()
file(READ ${OUT}/g.netloom written)
string(JSON group GET "${written}" editor groups 0 name)
if(NOT group STREQUAL "block")
  message(FATAL_ERROR "the group is not in the written file")
endif()
execute_process(COMMAND python3 -c [=[
import json, sys
def places(path):
    return {n["id"]: n.get("position", [0, 0]) for n in json.load(open(path))["graph"]["nodes"]}
old, new = places(sys.argv[1]), places(sys.argv[2])
members = [4, 5, 6, 7]
shift = [new[4][k] - old[4][k] for k in (0, 1)]
moved_together = all(abs(new[m][k] - old[m][k] - shift[k]) < 1e-6 for m in members for k in (0, 1))
left = min(new[m][0] for m in members); top = min(new[m][1] for m in members)
right = max(new[m][0] for m in members) + 170; bottom = max(new[m][1] for m in members) + 64
x, y = new[3]
outside = x + 170 <= left or x >= right or y + 64 <= top or y >= bottom
sys.exit(0 if moved_together and outside else "members %s before %s, layer 3 at %s" % ({m: new[m] for m in members}, {m: old[m] for m in members}, new[3]))
]=] ${OUT}/../cli-layout-source.netloom ${OUT}/g.netloom RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "a collapsed group's layers should move together, clear of the layer before: ${err}")
endif()
file(REMOVE ${OUT}/../cli-layout-source.netloom)
file(REMOVE_RECURSE ${OUT})
