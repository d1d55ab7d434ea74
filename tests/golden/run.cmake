# Golden tests: runs the built plancheck on the reference report and
# compares text, JSON and facts output byte for byte with the files here.
# Regenerate for review with: cmake -DUPDATE=1 -DPLANCHECK=… -DSOURCE=… -DWORK=… -P run.cmake
# (ci/update-golden does this).
set(cases
  "zhaohua-2023.txt|check,--color,never,reports/zhaohua-2023.txt"
  "zhaohua-2023.json|check,--format,json,reports/zhaohua-2023.txt"
  "zhaohua-2023.en.txt|check,--color,never,--lang,en,reports/zhaohua-2023.txt"
  "zhaohua-2023.facts.jsonl|facts,--format,jsonl,reports/zhaohua-2023.txt"
  "national.audit.md|audit,--table,--format,markdown,reports/national-2015.txt,reports/national-2016.txt"
  "national-2016.facts.jsonl|facts,--format,jsonl,reports/national-2016.txt")
file(MAKE_DIRECTORY "${WORK}")
set(failed 0)
foreach(case ${cases})
  string(REPLACE "|" ";" parts "${case}")
  list(GET parts 0 expected)
  list(GET parts 1 arglist)
  string(REPLACE "," ";" args "${arglist}")
  execute_process(COMMAND "${PLANCHECK}" ${args}
                  WORKING_DIRECTORY "${SOURCE}"
                  OUTPUT_FILE "${WORK}/${expected}"
                  RESULT_VARIABLE status)
  if(status GREATER 1)
    message(SEND_ERROR "plancheck ${args}: exit status ${status}")
    set(failed 1)
  endif()
  if(UPDATE)
    file(COPY "${WORK}/${expected}" DESTINATION "${SOURCE}/tests/golden")
    message(STATUS "updated tests/golden/${expected}")
  else()
    execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${SOURCE}/tests/golden/${expected}"
                            "${WORK}/${expected}" RESULT_VARIABLE differs)
    if(differs)
      message(SEND_ERROR "tests/golden/${expected} differs from the output of plancheck ${args}; "
                         "diff ${SOURCE}/tests/golden/${expected} ${WORK}/${expected}")
      set(failed 1)
    else()
      message(STATUS "ok ${expected}")
    endif()
  endif()
endforeach()
