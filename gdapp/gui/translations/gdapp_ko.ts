<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name></name>
    <message>
        <source>its settings cannot be run</source>
        <extracomment>The size of the window (and of ``--screenshot`` images). The Debian package ``./dev setup`` installs for Hangul, named when none is found. Syllables a font must hold to count as drawing Hangul (the note&apos;s own words). How long after the window shows the compiled loop starts loading (start-up comes first). What applying a saved session can raise when the file passed its checks but its values break the window (a start so large the objective overflows, a splitter size beyond what Qt holds, a geometry that is not hexadecimal text).</extracomment>
        <translation>저장된 설정으로는 실행할 수 없습니다</translation>
    </message>
    <message>
        <source>its window layout cannot be applied</source>
        <translation>저장된 창 배치를 적용할 수 없습니다</translation>
    </message>
    <message>
        <source>Reopened your last experiment ({what}); Lesson ▸ The note&apos;s run starts over.</source>
        <translation>지난번 실험({what})을 다시 열었습니다. 처음부터 하려면 수업 ▸ 강의 노트의 실행을 고르세요.</translation>
    </message>
    <message>
        <source>log₁₀ (f − f*)</source>
        <extracomment>The shading: pale (low objective) to dark blue (high), through green. The gradient arrow&apos;s length on screen, in pixels.</extracomment>
        <translation>log₁₀ (f − f*)</translation>
    </message>
    <message>
        <source>{what} must be ≥ 0, got {v}</source>
        <extracomment>The smallest positive value the η and tolerance boxes take (a stand-in for &quot;&gt; 0&quot;). Range of the η slider, logarithmic (log10 η from −3 to 0): three decades over the slider&apos;s width, the note&apos;s η = 0.01 … 0.41 among them; any other η is typed. The slider&apos;s η are these mantissas times a power of ten (0.01, 0.012, 0.015, 0.02, …). The λ slider: linear from 0 to this, in steps of ``LAMBDA_STEP`` (the note&apos;s 0.5, 1, and 14 where L1 sets b1 to 0, are on it); larger λ are typed. The spin boxes accept any value the engine accepts (a workbook or the CLI may bring one outside the slider&apos;s range); the bounds only keep the numbers finite.</extracomment>
        <translation>{what}: 0 이상이어야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>{what} must be &gt; 0, got {v}</source>
        <translation>{what}: 0보다 커야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>{what} must be between {low} and {high}, got {v}</source>
        <translation>{what}: {low}부터 {high} 사이의 값이어야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>{what} must be a whole number, got {v}</source>
        <translation>{what}: 정수여야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>{what} must be at least {low}, got {v}</source>
        <translation>{what}: {low} 이상이어야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>{what} must be at most {high} (a workbook sheet holds {rows} iterate rows), got {v}</source>
        <translation>{what}: {high} 이하여야 합니다(통합 문서의 시트 하나에는 반복 행이 {rows}개까지 들어갑니다). 입력값: {v}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>log scale: drag from η = 0.001 to 1 (type any other η)</source>
        <translation>로그 눈금: η = 0.001부터 1까지 끌어서 정합니다(다른 η는 직접 입력하세요)</translation>
    </message>
    <message>
        <source>drag λ from 0 to 20 (type a larger one)</source>
        <translation>λ를 0부터 20까지 끌어서 정합니다(더 큰 값은 직접 입력하세요)</translation>
    </message>
    <message>
        <source>max iterations</source>
        <translation>최대 반복 횟수</translation>
    </message>
    <message>
        <source>tolerance</source>
        <translation>허용 오차</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>실행 비교</translation>
    </message>
    <message>
        <source>Pinned runs stay on both plots in their colour.</source>
        <translation>고정한 실행은 두 그래프에 각자의 색으로 남습니다.</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>고정</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>고정 해제</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>모두 지우기</translation>
    </message>
    <message>
        <source>{n} runs are pinned, one per colour: unpin one to pin another.</source>
        <translation>실행 {n}개가 색마다 하나씩 고정되어 있습니다. 다른 실행을 고정하려면 하나를 해제하세요.</translation>
    </message>
    <message>
        <source>Keep the current run on the plots to compare with the next one (e.g. η = 0.01 against η = 0.1).</source>
        <translation>지금 실행을 그래프에 남겨 다음 실행과 비교합니다(예: η = 0.01과 η = 0.1).</translation>
    </message>
    <message>
        <source>diverged at update {k}: showing the first {rows} of {n} iterates</source>
        <extracomment>Points at which the cost, penalty and objective curves are sampled. The tangent reaches this fraction of the view&apos;s width to each side of the current iterate… …but at most this fraction of the view&apos;s height up or down. while stepping, the last iterate the path is drawn to (None: the whole path)</extracomment>
        <translation>{k}번째 업데이트에서 발산: 반복값 {n}개 중 처음 {rows}개를 보여 줍니다</translation>
    </message>
    <message>
        <source>Cost curve — E(b1) = {cost}</source>
        <translation>비용함수 곡선 — E(b1) = {cost}</translation>
    </message>
    <message>
        <source>Objective over (b0, b1) — {cost}</source>
        <translation>(b0, b1) 평면의 목적함수 — {cost}</translation>
    </message>
    <message>
        <source>b0 (intercept)</source>
        <translation>b0 (절편)</translation>
    </message>
    <message>
        <source>b1 (coefficient)</source>
        <translation>b1 (계수)</translation>
    </message>
    <message>
        <source>b1 = {b}, objective {f}</source>
        <translation>b1 = {b}, 목적함수 {f}</translation>
    </message>
    <message>
        <source>cost E(b1) = {cost}</source>
        <translation>비용함수 E(b1) = {cost}</translation>
    </message>
    <message>
        <source>penalty {formula}, λ = {lam}</source>
        <translation>패널티 항 {formula}, λ = {lam}</translation>
    </message>
    <message>
        <source>objective E + {formula}</source>
        <translation>목적함수 E + {formula}</translation>
    </message>
    <message>
        <source>tangent at iterate k</source>
        <translation>k번째 반복의 기울기 직선</translation>
    </message>
    <message>
        <source>at b1 = 0: both one-sided slopes</source>
        <translation>b1 = 0에서는 왼쪽과 오른쪽의 두 기울기</translation>
    </message>
    <message>
        <source>contour lines of the objective</source>
        <translation>목적함수의 등고선</translation>
    </message>
    <message>
        <source>−∇f at iterate k (downhill)</source>
        <translation>k번째 반복의 −∇f (내려가는 방향)</translation>
    </message>
    <message>
        <source>this run: {label}</source>
        <translation>이 실행: {label}</translation>
    </message>
    <message>
        <source> — another cost: not drawn</source>
        <translation> — 비용함수가 달라 그리지 않음</translation>
    </message>
    <message>
        <source>exact optimum {where}</source>
        <translation>정확한 최적해 {where}</translation>
    </message>
    <message>
        <source>lowest valley {where}</source>
        <translation>가장 낮은 골짜기 {where}</translation>
    </message>
    <message>
        <source>{name} was read as {encoding} text, not UTF-8</source>
        <translation>{name} 파일은 UTF-8이 아니어서 {encoding} 인코딩으로 읽었습니다</translation>
    </message>
    <message>
        <source>The samples (x, y). Type, or paste rows from a spreadsheet (Ctrl+V); a header row is ignored.</source>
        <extracomment>Larger data sets are shown (first rows only) but not edited here: edit the file instead. Files larger than this (bytes) are read in a worker thread (a 1,000,000-row CSV: ~4 s). A background import ended: True when its samples went to the view-model. (import number, Dataset or error message, file name) from the reading thread The message line said something new (the window scrolls it into view). shows the dialog that chooses a CSV file&apos;s columns; True when the user chose</extracomment>
        <translation>샘플 데이터 (x, y). 직접 입력하거나 스프레드시트에서 행을 복사해 붙여 넣으세요(Ctrl+V). 머리글 행은 건너뜁니다.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Add an empty sample row at the end.</source>
        <translation>맨 끝에 빈 샘플 행을 추가합니다.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Remove the selected sample rows.</source>
        <translation>선택한 샘플 행을 삭제합니다.</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>CSV 가져오기</translation>
    </message>
    <message>
        <source>Import XLSX</source>
        <translation>XLSX 가져오기</translation>
    </message>
    <message>
        <source>Document example</source>
        <translation>강의 노트 예제</translation>
    </message>
    <message>
        <source>The note&apos;s samples x = 1, 2; y = 2, 6 (E = 2.5·b1² − 14·b1 + 20).</source>
        <translation>강의 노트의 샘플 데이터 x = 1, 2; y = 2, 6 (E = 2.5·b1² − 14·b1 + 20).</translation>
    </message>
    <message>
        <source>Import samples from a CSV file; of more than two columns you choose the features and the target.</source>
        <translation>CSV 파일에서 샘플을 가져옵니다. 열이 셋 이상이면 피쳐와 타깃을 고릅니다.</translation>
    </message>
    <message>
        <source>Import samples from an .xlsx workbook (first sheet, first two columns).</source>
        <translation>.xlsx 통합 문서에서 샘플 데이터를 가져옵니다(첫 시트의 처음 두 열).</translation>
    </message>
    <message>
        <source>Showing the first {shown} of {n} samples; a data set this large is edited in its file, not here.</source>
        <translation>샘플 {n}개 중 처음 {shown}개를 보여 줍니다. 이렇게 큰 데이터는 여기가 아니라 원래 파일에서 고치세요.</translation>
    </message>
    <message>
        <source>row {row}: {name} is empty</source>
        <translation>{row}행: {name} 값이 비어 있습니다</translation>
    </message>
    <message>
        <source>row {row}: {name} {problem}</source>
        <translation>{row}행: {name} {problem}</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is ambiguous (decimal or thousands comma?): write {point} or {plain}</source>
        <translation>&apos;{text}&apos;은(는) 소수점 쉼표인지 천 단위 쉼표인지 알 수 없습니다. {point} 또는 {plain}(으)로 쓰세요</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number</source>
        <translation>&apos;{text}&apos;은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a finite number</source>
        <translation>&apos;{text}&apos;은(는) 유한한 수가 아닙니다</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is too small: it rounds to 0</source>
        <translation>&apos;{text}&apos;은(는) 너무 작아 0으로 반올림됩니다</translation>
    </message>
    <message>
        <source>x and y are the same column; choose two different columns</source>
        <translation>x와 y가 같은 열입니다. 서로 다른 두 열을 고르세요</translation>
    </message>
    <message>
        <source>column {col} is both a feature and the target y; choose the target among the other columns</source>
        <translation>{col}열이 피쳐이면서 타깃 y입니다. 타깃은 다른 열 가운데서 고르세요</translation>
    </message>
    <message>
        <source>column {col} is chosen twice as a feature</source>
        <translation>{col}열을 피쳐로 두 번 골랐습니다</translation>
    </message>
    <message>
        <source>line {line}, column {col} ({role})</source>
        <translation>{line}번째 줄 {col}열({role})</translation>
    </message>
    <message>
        <source>row {line}, column {col} ({role})</source>
        <translation>{line}행 {col}열({role})</translation>
    </message>
    <message>
        <source>{where} {line}, column {col} ({role})</source>
        <translation>{where} {line}, {col}열({role})</translation>
    </message>
    <message>
        <source>{at} holds {value}, not a number</source>
        <translation>{at}에 숫자가 아닌 {value}이(가) 있습니다</translation>
    </message>
    <message>
        <source>{at}: {value} is not a finite number</source>
        <translation>{at}: {value}은(는) 유한한 수가 아닙니다</translation>
    </message>
    <message>
        <source>{at} is empty</source>
        <translation>{at}이(가) 비어 있습니다</translation>
    </message>
    <message>
        <source>line {line} repeats the header row; remove it (only the first row may be a header)</source>
        <translation>{line}번째 줄이 머리글 행을 되풀이합니다. 지우세요(첫 행만 머리글일 수 있습니다)</translation>
    </message>
    <message>
        <source>row {line} repeats the header row; remove it (only the first row may be a header)</source>
        <translation>{line}행이 머리글 행을 되풀이합니다. 지우세요(첫 행만 머리글일 수 있습니다)</translation>
    </message>
    <message>
        <source>{where} {line} repeats the header row; remove it (only the first row may be a header)</source>
        <translation>{where} {line}이(가) 머리글 행을 되풀이합니다. 지우세요(첫 행만 머리글일 수 있습니다)</translation>
    </message>
    <message>
        <source>{at}: {problem}; {hint}</source>
        <translation>{at}: {problem}. {hint}</translation>
    </message>
    <message>
        <source>{at}: {problem}</source>
        <translation>{at}: {problem}</translation>
    </message>
    <message>
        <source>{path}: permission denied</source>
        <translation>{path}: 읽을 권한이 없습니다</translation>
    </message>
    <message>
        <source>{path}: cannot read ({reason})</source>
        <translation>{path}: 읽을 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>line {line}: a quote (&quot;) is opened and never closed</source>
        <translation>{line}번째 줄: 따옴표(&quot;)가 열리고 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>there are no features: at least one x column is needed</source>
        <translation>피쳐가 없습니다. x 열이 하나 이상 있어야 합니다</translation>
    </message>
    <message>
        <source>there are no samples: at least one (x, y) pair is needed</source>
        <translation>샘플이 없습니다. (x, y) 쌍이 하나 이상 필요합니다</translation>
    </message>
    <message>
        <source>x has {n} values but y has {m}; they must pair up</source>
        <translation>x 값은 {n}개인데 y 값은 {m}개입니다. 짝이 맞아야 합니다</translation>
    </message>
    <message>
        <source>the features have {n} values but y has {m}; they must pair up</source>
        <translation>피쳐 값은 {n}개인데 y 값은 {m}개입니다. 짝이 맞아야 합니다</translation>
    </message>
    <message>
        <source>feature {name}</source>
        <translation>피쳐 {name}</translation>
    </message>
    <message>
        <source>{label} in sample {i} is {value}: every value must be a finite number</source>
        <translation>{i}번째 샘플의 {label} 값이 {value}입니다. 모든 값은 유한한 수여야 합니다</translation>
    </message>
    <message>
        <source>{label} in sample {i} is {value}: values beyond ±{limit} are too large (their squares would overflow)</source>
        <translation>{i}번째 샘플의 {label} 값이 {value}입니다. ±{limit}을(를) 넘는 값은 너무 큽니다(제곱이 넘칩니다)</translation>
    </message>
    <message>
        <source>{value} is too small: the squares of values below {limit} underflow; rescale the data</source>
        <translation>{value}은(는) 너무 작습니다. {limit}보다 작은 값의 제곱은 0으로 사라집니다. 데이터의 크기를 바꾸세요</translation>
    </message>
    <message>
        <source>learning rate η</source>
        <translation>학습률 η</translation>
    </message>
    <message>
        <source>momentum μ</source>
        <translation>모멘텀 μ</translation>
    </message>
    <message>
        <source>dampening τ</source>
        <translation>감쇠 τ</translation>
    </message>
    <message>
        <source>learning rate η must be &gt; 0, got {v}</source>
        <translation>학습률 η는 0보다 커야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>λ must be ≥ 0, got {v}</source>
        <translation>λ는 0 이상이어야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>tolerance must be &gt; 0, got {v}</source>
        <translation>허용 오차는 0보다 커야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>max iterations must be a whole number, got {v}</source>
        <translation>최대 반복 횟수는 정수여야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>max iterations must be at least 1, got {v}</source>
        <translation>최대 반복 횟수는 1 이상이어야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>{label} must be in [{lo}, {hi}{end}, got {v}</source>
        <translation>{label}은(는) [{lo}, {hi}{end} 안에 있어야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>ε must be &gt; 0, got {v}</source>
        <translation>ε는 0보다 커야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>γ must be &gt; 0, got {v}</source>
        <translation>γ는 0보다 커야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>the seed must be a whole number ≥ 0, got {v}</source>
        <translation>시드는 0 이상의 정수여야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>{label} must be a number, got {v}</source>
        <translation>{label}은(는) 숫자여야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>{label} must be a finite number, got {v}</source>
        <translation>{label}은(는) 유한한 수여야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>{line}번째 줄</translation>
    </message>
    <message>
        <source>row {line}</source>
        <translation>{line}행</translation>
    </message>
    <message>
        <source>{where} {line}</source>
        <translation>{where} {line}</translation>
    </message>
    <message>
        <source>feature {i}</source>
        <translation>{i}번째 피쳐</translation>
    </message>
    <message>
        <source>the {role} column {name} is ambiguous: it matches columns {cols} and {last}; choose one by its position</source>
        <translation>{role} 열 {name}이(가) 모호합니다. {cols}열과 {last}열이 모두 그 이름입니다. 위치(번호)로 고르세요</translation>
    </message>
    <message>
        <source>{role} column position must be 1 or more, got {choice}</source>
        <translation>{role} 열의 위치는 1 이상이어야 합니다. 입력값: {choice}</translation>
    </message>
    <message>
        <source>none: the file has no header</source>
        <translation>없음(파일에 머리글이 없습니다)</translation>
    </message>
    <message>
        <source>no column named {name} for {role}; columns: {known}</source>
        <translation>{role}에 고른 {name}(이)라는 열이 없습니다. 열: {known}</translation>
    </message>
    <message>
        <source>the file has {width} column(s); {role} asks for column {col}</source>
        <translation>파일에는 열이 {width}개 있는데 {role}에 {col}열을 골랐습니다</translation>
    </message>
    <message>
        <source> — decimal commas in a comma-separated file are ambiguous: use &apos;;&apos; or tabs between columns, or decimal points</source>
        <translation> — 쉼표로 구분한 파일에서 소수점 쉼표는 모호합니다. 열 사이에 &apos;;&apos;나 탭을 쓰거나 소수점(.)을 쓰세요</translation>
    </message>
    <message>
        <source>{at} has {width} fields but the header has {expected}{hint}</source>
        <translation>{at}에는 값이 {width}개 있는데 머리글 행에는 {expected}개 있습니다{hint}</translation>
    </message>
    <message>
        <source>{at} has {width} fields but the first row has {expected}{hint}</source>
        <translation>{at}에는 값이 {width}개 있는데 첫 행에는 {expected}개 있습니다{hint}</translation>
    </message>
    <message>
        <source>{at} looks like a comment (it starts with &apos;#&apos;): remove it; only one header line may come before the numbers</source>
        <translation>{at}은(는) 주석처럼 보입니다(&apos;#&apos;으로 시작합니다). 지우세요. 숫자 앞에는 머리글 한 줄만 올 수 있습니다</translation>
    </message>
    <message>
        <source>{at} holds one field ({field}) but {next} holds {n}: remove title lines above the header and the numbers</source>
        <translation>{at}에는 값이 하나({field})뿐인데 {next}에는 {n}개 있습니다. 머리글과 숫자 위의 제목 줄을 지우세요</translation>
    </message>
    <message>
        <source>line {start}: a quote (&quot;) opened here closes only on line {end}; a value cannot run across lines</source>
        <translation>{start}번째 줄: 여기서 열린 따옴표(&quot;)가 {end}번째 줄에서야 닫힙니다. 값 하나가 여러 줄에 걸칠 수 없습니다</translation>
    </message>
    <message>
        <source>{path} {problem}</source>
        <translation>{path}: {problem}</translation>
    </message>
    <message>
        <source>looks like {codec} text but cannot be read as it; save it as UTF-8 CSV</source>
        <translation>{codec} 텍스트처럼 보이지만 그렇게 읽을 수 없습니다. UTF-8 CSV로 저장하세요</translation>
    </message>
    <message>
        <source>is not a text (CSV) file</source>
        <translation>텍스트(CSV) 파일이 아닙니다</translation>
    </message>
    <message>
        <source>cannot be read as text: it is not UTF-8, UTF-16, CP949 (Korean) or Windows-1252; save it from the spreadsheet program as &quot;CSV UTF-8&quot; and import it again</source>
        <translation>텍스트로 읽을 수 없습니다. UTF-8, UTF-16, CP949(한국어), Windows-1252 중 어느 것도 아닙니다. 스프레드시트 프로그램에서 &quot;CSV UTF-8&quot;로 저장한 뒤 다시 가져오세요</translation>
    </message>
    <message>
        <source>{path} is not a regular file (it is a device, a pipe or a socket), so it is not read</source>
        <translation>{path}은(는) 일반 파일이 아니어서(장치, 파이프 또는 소켓) 읽지 않습니다</translation>
    </message>
    <message>
        <source>{path} is {size} MiB; the limit is {limit} MiB</source>
        <translation>{path}의 크기는 {size} MiB입니다. 한도는 {limit} MiB입니다</translation>
    </message>
    <message>
        <source>line {line}: a value is longer than {limit} characters; no number or column name is that long</source>
        <translation>{line}번째 줄: 값이 {limit}자보다 깁니다. 그렇게 긴 숫자나 열 이름은 없습니다</translation>
    </message>
    <message>
        <source>max iterations {v} is beyond what a workbook holds: at most {most} updates ({rows} rows, Excel&apos;s limit)</source>
        <translation>최대 반복 횟수 {v}은(는) 통합 문서에 담을 수 없습니다. 업데이트는 {most}번까지입니다(Excel의 한도 {rows}행)</translation>
    </message>
    <message>
        <source>the {model} model needs targets 0 or 1 (two classes); {y} in sample {i} is {v}</source>
        <translation>{model} 모델의 타깃은 0 또는 1(두 클래스)이어야 합니다. {i}번째 샘플의 {y} 값이 {v}입니다</translation>
    </message>
    <message>
        <source>the held-out samples must have the training samples&apos; features</source>
        <translation>테스트 샘플은 훈련 샘플과 같은 피쳐를 가져야 합니다</translation>
    </message>
    <message>
        <source>Nesterov momentum needs momentum μ &gt; 0 and dampening τ = 0</source>
        <translation>네스테로프 모멘텀에는 모멘텀 μ &gt; 0, 감쇠 τ = 0이 필요합니다</translation>
    </message>
    <message>
        <source>power_t must be ≥ 0, got {v}</source>
        <translation>power_t는 0 이상이어야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>power_t must be at most {most}, got {v}</source>
        <translation>power_t는 {most} 이하여야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>the step size s must be a whole number ≥ 1, got {v}</source>
        <translation>스텝 크기 s는 1 이상의 정수여야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>the batch size B must be a whole number from 1 to the {n} samples, got {v}</source>
        <translation>배치 크기 B는 1부터 샘플 수 {n}까지의 정수여야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>install it with `apt-get install libreoffice-calc-nogui` (Debian/Ubuntu) or from libreoffice.org, or set GDAPP_SOFFICE to the soffice program</source>
        <translation>`apt-get install libreoffice-calc-nogui`(Debian/Ubuntu)로 설치하거나 libreoffice.org에서 받거나, GDAPP_SOFFICE에 soffice 프로그램의 경로를 지정하세요</translation>
    </message>
    <message>
        <source>cannot verify: {variable} is set to {value}, which is not an executable soffice program; {hint}</source>
        <translation>검증할 수 없습니다. {variable}이(가) {value}(으)로 지정되어 있지만 실행할 수 있는 soffice 프로그램이 아닙니다. {hint}</translation>
    </message>
    <message>
        <source>cannot verify: LibreOffice (soffice) is not installed; {hint}</source>
        <translation>검증할 수 없습니다. LibreOffice(soffice)가 설치되어 있지 않습니다. {hint}</translation>
    </message>
    <message>
        <source>cannot verify: LibreOffice could not be started ({reason}); {hint}</source>
        <translation>검증할 수 없습니다. LibreOffice를 시작하지 못했습니다({reason}). {hint}</translation>
    </message>
    <message>
        <source>cannot verify: the verification was cancelled</source>
        <translation>검증할 수 없습니다. 검증이 취소되었습니다</translation>
    </message>
    <message>
        <source>cannot verify: the recalculation was cancelled</source>
        <translation>검증할 수 없습니다. 다시 계산하기가 취소되었습니다</translation>
    </message>
    <message>
        <source>cannot verify: LibreOffice crashed ({signal}){said}</source>
        <translation>검증할 수 없습니다. LibreOffice가 비정상 종료했습니다({signal}){said}</translation>
    </message>
    <message>
        <source>cannot verify: LibreOffice failed with exit code {code}{said}</source>
        <translation>검증할 수 없습니다. LibreOffice가 종료 코드 {code}(으)로 실패했습니다{said}</translation>
    </message>
    <message>
        <source>cannot verify: the folder {place} is full ({free} MiB free), so LibreOffice could not write its recalculated copy; free some space there, or set TMPDIR to a folder with room</source>
        <translation>검증할 수 없습니다. 폴더 {place}이(가) 가득 차서({free} MiB 남음) LibreOffice가 다시 계산한 사본을 쓰지 못했습니다. 그곳의 공간을 비우거나 TMPDIR을 여유 있는 폴더로 지정하세요</translation>
    </message>
    <message>
        <source>cannot verify: LibreOffice did not finish within {seconds} s (it was stopped; try a longer time limit)</source>
        <translation>검증할 수 없습니다. LibreOffice가 {seconds}초 안에 끝나지 않아 멈췄습니다. 제한 시간을 늘려 보세요</translation>
    </message>
    <message>
        <source>empty: type a number</source>
        <translation>비어 있음: 숫자를 입력하세요</translation>
    </message>
    <message>
        <source>{problem} — the run keeps the last valid data.</source>
        <translation>{problem} — 실행은 마지막으로 올바르던 데이터를 그대로 씁니다.</translation>
    </message>
    <message>
        <source>The clipboard holds no rows of numbers to paste.</source>
        <translation>클립보드에 붙여 넣을 숫자 행이 없습니다.</translation>
    </message>
    <message>
        <source>{n} rows do not fit here; paste them at the top-left cell to replace the samples.</source>
        <translation>{n}개 행은 여기에 다 들어가지 않습니다. 샘플을 바꾸려면 맨 왼쪽 위 셀에 붙여 넣으세요.</translation>
    </message>
    <message>
        <source>Cannot paste: {problem}</source>
        <translation>붙여 넣을 수 없습니다: {problem}</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt *.tsv)</source>
        <translation>CSV 파일 (*.csv *.txt *.tsv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 통합 문서 (*.xlsx)</translation>
    </message>
    <message>
        <source>Import samples</source>
        <translation>샘플 데이터 가져오기</translation>
    </message>
    <message>
        <source>Could not import {name}: {problem}</source>
        <translation>{name} 파일을 가져오지 못했습니다: {problem}</translation>
    </message>
    <message>
        <source>reading {name}…</source>
        <translation>{name} 읽는 중…</translation>
    </message>
    <message>
        <source>not enough memory to read it</source>
        <translation>읽을 메모리가 부족합니다</translation>
    </message>
    <message>
        <source>squares (what MSE adds up)</source>
        <extracomment>At most this many samples are drawn as dots… …and at most this many get their residual (and square) drawn.</extracomment>
        <translation>제곱 (MSE가 더하는 것)</translation>
    </message>
    <message>
        <source>Draw each residual&apos;s square: the mean of their areas is the cost E (MSE).</source>
        <translation>잔차마다 그 제곱을 정사각형으로 그립니다. 넓이의 평균이 비용함수 E(MSE)입니다.</translation>
    </message>
    <message>
        <source>Data and the curve {model} at k</source>
        <extracomment>lines and residuals are cut at these heights (the view and twice its height) a classifier&apos;s picture (samples by class, S-curve or decision boundary)</extracomment>
        <translation>데이터와 k번째 반복의 곡선 {model}</translation>
    </message>
    <message>
        <source>Data and the line {model} at k</source>
        <translation>데이터와 k번째 반복의 직선 {model}</translation>
    </message>
    <message>
        <source>samples ({n})</source>
        <translation>샘플 ({n}개)</translation>
    </message>
    <message>
        <source>curve of iterate k</source>
        <translation>k번째 반복의 곡선</translation>
    </message>
    <message>
        <source>line of iterate k</source>
        <translation>k번째 반복의 직선</translation>
    </message>
    <message>
        <source>residuals y − ŷ</source>
        <translation>잔차 y − ŷ</translation>
    </message>
    <message>
        <source>{m} of {n} samples drawn; residuals of {r} of them</source>
        <translation>샘플 {n}개 중 {m}개를 그렸고, 그중 {r}개의 잔차를 그렸습니다</translation>
    </message>
    <message>
        <source>Predicted ŷ at k against the actual {y}</source>
        <translation>k번째 반복의 예측값 ŷ와 실제 {y}</translation>
    </message>
    <message>
        <source>predicted ŷ</source>
        <translation>예측값 ŷ</translation>
    </message>
    <message>
        <source>actual {y}</source>
        <translation>실제 {y}</translation>
    </message>
    <message>
        <source>ŷ = y (a perfect fit)</source>
        <translation>ŷ = y (완전히 들어맞는 경우)</translation>
    </message>
    <message>
        <source>{p} features: {names}</source>
        <translation>피쳐 {p}개: {names}</translation>
    </message>
    <message>
        <source>There is not enough memory for this.</source>
        <extracomment>Seconds LibreOffice may take to recalculate a workbook before Verify gives up. Runs with more rows than this export behind a progress dialog. The width offered for an exported PNG of a plot, in pixels.</extracomment>
        <translation>메모리가 부족해 이 작업을 할 수 없습니다.</translation>
    </message>
    <message>
        <source>This failed for a reason gdapp did not foresee; the window keeps working.</source>
        <translation>gdapp가 예상하지 못한 이유로 실패했습니다. 창은 계속 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>compared {n} cells; largest relative deviation {d}{where}</source>
        <extracomment>A cell reference such as ``Iterations!C3`` or ``Summary!$F$35``. Joins the parts of a cell reference: no line break inside it.</extracomment>
        <translation>셀 {n}개를 비교했습니다. 가장 큰 상대 편차는 {d}{where}입니다</translation>
    </message>
    <message>
        <source>compared the formulas only: no value was recalculated</source>
        <translation>수식만 비교했습니다. 다시 계산한 값은 없습니다</translation>
    </message>
    <message>
        <source>verdict: the workbook agrees with gdapp only within rounding: the run is sensitive to it, and {n} values were compared within the engine&apos;s own spread, not 1e-12 (--strict refuses this)</source>
        <translation>판정: 통합 문서가 반올림 범위 안에서만 gdapp과 일치합니다. 이 실행은 반올림에 민감해서 값 {n}개를 1e-12가 아니라 엔진 자체의 변동 폭 안에서 비교했습니다(--strict는 이것을 거부합니다)</translation>
    </message>
    <message>
        <source>verdict: the workbook agrees with gdapp</source>
        <translation>판정: 통합 문서가 gdapp의 계산과 일치합니다</translation>
    </message>
    <message>
        <source>first difference: {cell}</source>
        <translation>처음으로 다른 셀: {cell}</translation>
    </message>
    <message>
        <source>1 cell differs</source>
        <translation>셀 1개가 다름</translation>
    </message>
    <message>
        <source>{n} cells differ</source>
        <translation>셀 {n}개가 다름</translation>
    </message>
    <message>
        <source>verdict: the workbook does NOT agree with gdapp ({count})</source>
        <translation>판정: 통합 문서가 gdapp의 계산과 일치하지 않습니다({count})</translation>
    </message>
    <message>
        <source>Another file action is still running; wait for it to finish.</source>
        <extracomment>The folder workbooks were last exported to (kept in the session).</extracomment>
        <translation>다른 파일 작업이 아직 진행 중입니다. 끝날 때까지 기다려 주세요.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Export workbook</source>
        <translation>통합 문서 내보내기</translation>
    </message>
    <message>
        <source>Writing {name} …</source>
        <translation>{name} 쓰는 중…</translation>
    </message>
    <message>
        <source>Open workbook</source>
        <translation>통합 문서 열기</translation>
    </message>
    <message>
        <source>{name} holds settings gdapp cannot run.</source>
        <translation>{name}에는 gdapp이 실행할 수 없는 설정이 들어 있습니다.</translation>
    </message>
    <message>
        <source>Open in spreadsheet</source>
        <translation>스프레드시트에서 열기</translation>
    </message>
    <message>
        <source>Export a workbook first (File ▸ Export).</source>
        <translation>먼저 통합 문서를 내보내세요(파일 ▸ 내보내기).</translation>
    </message>
    <message>
        <source>No program is set up to open {name}.</source>
        <translation>{name} 파일을 열 프로그램이 설정되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>Verify workbook</source>
        <translation>통합 문서 검증</translation>
    </message>
    <message>
        <source>Comparing the cells of {name} with gdapp …</source>
        <translation>{name} 파일의 셀을 gdapp의 계산과 비교하는 중…</translation>
    </message>
    <message>
        <source>Recalculating {name} in LibreOffice …</source>
        <translation>LibreOffice에서 {name} 파일을 다시 계산하는 중…</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>그래프 내보내기</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG 이미지 (*.png);;SVG 이미지 (*.svg)</translation>
    </message>
    <message>
        <source>Width of the image in pixels (the height follows the plot&apos;s shape; 1600 prints well on A4 at 200 dpi):</source>
        <translation>이미지의 너비(픽셀). 높이는 그래프 모양을 따릅니다. 1600이면 A4에 200 dpi로 잘 인쇄됩니다:</translation>
    </message>
    <message>
        <source>Close the lesson (the run stays)</source>
        <extracomment>The lesson&apos;s share of its column&apos;s height at most (the plots keep the rest); a longer paragraph scrolls instead of being cut. In classroom mode (:meth:`LessonPanel.set_whole`) a paragraph too long for the room the plots leave is set in a smaller font, down to this share of the window&apos;s (still larger than a laptop&apos;s), before it would scroll: a class cannot scroll a projector.</extracomment>
        <translation>수업 닫기 (실행은 그대로 남습니다)</translation>
    </message>
    <message>
        <source>Scene {i} of {n} · PgDn: next · PgUp: previous</source>
        <translation>{n}개 장면 중 {i}번째 · PgDn: 다음 · PgUp: 이전</translation>
    </message>
    <message>
        <source>1. The cost function</source>
        <translation>1. 비용함수</translation>
    </message>
    <message>
        <source>Two samples, (1, 2) and (2, 6), and the model ŷ = b1·x: a line through the origin whose coefficient b1 we must choose. For each b1 the mean squared error E(b1) = ((2 − b1)² + (6 − 2·b1)²)/2 = 2.5·b1² − 14·b1 + 20 measures how badly the line misses the samples: the red segments in the data plot. Drawn against b1 it is the parabola of the cost plot. Tick “squares” to see what E adds up.</source>
        <translation>샘플데이터는 (1, 2)와 (2, 6) 두 개, 모델은 ŷ = b1·x입니다. 원점을 지나는 직선이고, 우리가 정해야 할 것은 계수 b1입니다. b1마다 평균제곱오차 E(b1) = ((2 − b1)² + (6 − 2·b1)²)/2 = 2.5·b1² − 14·b1 + 20이 직선이 샘플에서 얼마나 벗어나는지를 잽니다. 데이터 그래프의 빨간 선분이 그 오차입니다. 이 값을 b1에 대해 그리면 비용함수 그래프의 포물선이 됩니다. “제곱”에 체크하면 E가 무엇을 더하는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>2. The normal equation</source>
        <translation>2. 정규방정식</translation>
    </message>
    <message>
        <source>The parabola opens upward (it is convex), so its lowest point is where its slope is 0: ∂E/∂b1 = 5·b1 − 14 = 0 gives b1 = 14/5 = 2.8 and E = 0.4, the green star. This is the normal equation. Real deep-learning costs are rarely this simple, which is why we look for the minimum step by step instead.</source>
        <translation>이 포물선은 아래로 볼록한(convex) 모양이라, 기울기가 0인 곳이 가장 낮은 점입니다. ∂E/∂b1 = 5·b1 − 14 = 0을 풀면 b1 = 14/5 = 2.8, E = 0.4로, 초록 별이 그 점입니다. 이것이 정규방정식입니다. 실제 딥러닝의 비용함수는 이렇게 간단한 경우가 드물어서, 대신 한 단계씩 최솟값을 찾아갑니다.</translation>
    </message>
    <message>
        <source>3. Gradient descent from 15, η = 0.01</source>
        <translation>3. 15에서 시작하는 경사하강법, η = 0.01</translation>
    </message>
    <message>
        <source>Start anywhere — the note starts at b1 = 15 — and move against the slope: b1 ← b1 − η·∂E/∂b1. At 15 the slope (the red dashed tangent) is 5 × 15 − 14 = 61, so with the learning rate η = 0.01 the new b1 is 15 − 0.01 × 61 = 14.39. Press Space to take that step, and again: b1 creeps down to 2.8 in about 400 updates, the line in the data plot swinging onto the samples.</source>
        <translation>아무 데서나 시작해(강의 노트는 b1 = 15에서 시작합니다) 기울기의 반대 방향으로 움직입니다: b1 ← b1 − η·∂E/∂b1. 15에서의 기울기(빨간 점선)는 5 × 15 − 14 = 61이므로, 학습률 η = 0.01이면 새 b1은 15 − 0.01 × 61 = 14.39입니다. Space를 눌러 이 한 단계를 밟고, 또 눌러 보세요. b1은 약 400번 업데이트하며 2.8까지 조금씩 내려가고, 데이터 그래프의 직선은 샘플 쪽으로 돌아옵니다.</translation>
    </message>
    <message>
        <source>4. A larger learning rate, η = 0.1</source>
        <translation>4. 더 큰 학습률, η = 0.1</translation>
    </message>
    <message>
        <source>With η = 0.1 the same descent needs only 34 updates: each step multiplies the distance to 2.8 by 1 − 5η = 0.5 instead of 0.95. The η = 0.01 run stays pinned for comparison. η is a hyper-parameter — a person chooses it — and even on this tiny example the choice changes the number of steps a lot.</source>
        <translation>η = 0.1이면 같은 경사하강법이 34번의 업데이트면 됩니다. 한 단계마다 2.8까지의 거리에 0.95 대신 1 − 5η = 0.5가 곱해지기 때문입니다. 비교를 위해 η = 0.01 실행을 고정해 두었습니다. η는 사람이 정하는 하이퍼 파라미터이고, 이렇게 작은 예제에서도 그 선택에 따라 단계 수가 크게 달라집니다.</translation>
    </message>
    <message>
        <source>5. Too large: η = 0.4</source>
        <translation>5. 너무 큰 학습률: η = 0.4</translation>
    </message>
    <message>
        <source>The factor 1 − 5η tells the whole story. For η = 0.4 it is −1: b1 jumps from 15 to −9.4 and back to 15, for ever. The descent is stable only for η &lt; 2/E&apos;&apos; = 2/5 = 0.4. Step through the first updates with Space.</source>
        <translation>모든 것은 곱해지는 값 1 − 5η에 달려 있습니다. η = 0.4이면 이 값이 −1이 되어, b1은 15에서 −9.4로 갔다가 다시 15로 돌아오기를 끝없이 되풀이합니다(진동). 경사하강법은 η &lt; 2/E&apos;&apos; = 2/5 = 0.4일 때만 안정적입니다. Space로 처음 몇 번의 업데이트를 따라가 보세요.</translation>
    </message>
    <message>
        <source>6. Past the limit: η = 0.41</source>
        <translation>6. 한계를 넘으면: η = 0.41</translation>
    </message>
    <message>
        <source>A little further and every jump overshoots more than the last: |1 − 5 × 0.41| = 1.05 &gt; 1, so the distance from 2.8 grows by 5 % per update and b1 runs off to infinity. Step with Space, or press End: the grid marks the last number it could hold.</source>
        <translation>조금만 더 키우면 매번 지난번보다 더 멀리 넘어갑니다. |1 − 5 × 0.41| = 1.05 &gt; 1이므로 2.8까지의 거리가 업데이트마다 5 %씩 늘어나고, b1은 무한대로 발산합니다. Space로 한 단계씩 가거나 End를 누르세요. 표는 담을 수 있었던 마지막 숫자를 표시합니다.</translation>
    </message>
    <message>
        <source>7. L2 penalty: λ = 0.5 and λ = 1</source>
        <translation>7. L2 규제: λ = 0.5와 λ = 1</translation>
    </message>
    <message>
        <source>Adding the penalty λ·b1² (dotted) punishes a large coefficient. With λ = 0.5 the objective is 3·b1² − 14·b1 + 20, lowest at 14/6 ≈ 2.33; with λ = 1 at 14/7 = 2 (pinned: λ = 0.5). The coefficient shrinks as λ grows — but never to 0, since 14/(5 + 2λ) &gt; 0 for every λ. A smaller coefficient means a model less prone to overfitting.</source>
        <translation>패널티 항 λ·b1²(점선)을 더하면 큰 계수에 벌점이 붙습니다. λ = 0.5이면 목적함수는 3·b1² − 14·b1 + 20이고 14/6 ≈ 2.33에서 가장 낮습니다. λ = 1이면 14/7 = 2에서 가장 낮습니다(고정한 것은 λ = 0.5). λ가 커질수록 계수는 작아지지만, 모든 λ에서 14/(5 + 2λ) &gt; 0이므로 0이 되지는 않습니다. 계수가 작을수록 과적합이 덜한 모델이 됩니다.</translation>
    </message>
    <message>
        <source>8. L1 penalty: b1 becomes exactly 0</source>
        <translation>8. L1 규제: b1이 정확히 0이 됩니다</translation>
    </message>
    <message>
        <source>The L1 penalty λ·|b1| has a kink at 0. Once λ ≥ 14 the cost&apos;s slope at 0 (−14) can no longer beat it, and the descent lands on exactly b1 = 0: the feature drops out and the model becomes simpler. Each update is two stages — a step on the cost, z = b1 − η·∂E/∂b1, then a shrink toward 0 by η·λ — shown above the grid as you step.</source>
        <translation>L1 규제의 패널티 항 λ·|b1|은 0에서 꺾입니다. λ ≥ 14가 되면 0에서의 비용함수 기울기(−14)가 더는 패널티를 이기지 못해, 경사하강법이 정확히 b1 = 0에 멈춥니다. 피쳐가 빠지고 차원이 감소해 모형이 단순해집니다. 업데이트는 두 단계입니다. 먼저 비용함수로 한 걸음 z = b1 − η·∂E/∂b1을 가고, 그다음 η·λ만큼 0 쪽으로 줄입니다. 한 단계씩 갈 때 표 위에 그 계산이 나타납니다.</translation>
    </message>
    <message>
        <source>9. L1 against L2</source>
        <translation>9. L1 규제와 L2 규제 비교</translation>
    </message>
    <message>
        <source>The same λ = 15 with the two penalties. Both make the parameter smaller; L2 (pinned, dashed) stops at 14/35 = 0.4, L1 sets it to exactly 0. That is the note&apos;s table: L1 can remove a feature, L2 only shrinks it.</source>
        <translation>같은 λ = 15에 두 규제를 적용했습니다. 둘 다 파라미터 값을 작게 만들지만, L2(고정, 파선)는 14/35 = 0.4에서 멈추고 L1은 정확히 0으로 만듭니다. 강의 노트의 표 그대로입니다. L1은 피쳐를 없앨 수 있고, L2는 줄이기만 합니다.</translation>
    </message>
    <message>
        <source>Show the objective on a logarithmic axis: steady convergence becomes a straight line.</source>
        <extracomment>Pinned runs widen the iteration axis to at most this many times this run&apos;s iterations. While stepping, the iteration axis spans at least this many rows, doubled as k needs.</extracomment>
        <translation>목적함수를 로그 눈금 축에 그립니다. 꾸준히 수렴하면 직선으로 보입니다.</translation>
    </message>
    <message>
        <source>log scale</source>
        <extracomment>On a linear axis the view ends where the objective has come this close to its floor (as a share of its drop from the start)… …times this, so the early iterations of a long run are not squashed against k = 0. The view spans at least this many iterations.</extracomment>
        <translation>로그 눈금</translation>
    </message>
    <message>
        <source>Objective per iteration</source>
        <translation>반복별 목적함수</translation>
    </message>
    <message>
        <source>iteration k</source>
        <translation>반복 k</translation>
    </message>
    <message>
        <source>cost E = {cost}</source>
        <translation>비용함수 E = {cost}</translation>
    </message>
    <message>
        <source> (log scale)</source>
        <translation> (로그 눈금)</translation>
    </message>
    <message>
        <source>diverged at update {k}</source>
        <translation>{k}번째 업데이트에서 발산</translation>
    </message>
    <message>
        <source>: showing the first {rows} iterates (try log scale)</source>
        <translation>: 처음 {rows}개 반복값만 보여 줍니다(로그 눈금을 써 보세요)</translation>
    </message>
    <message>
        <source> — its own objective {objective}</source>
        <translation> — 자신의 목적함수 {objective}</translation>
    </message>
    <message>
        <source>test cost (held-out samples)</source>
        <translation>테스트 비용 (테스트 샘플)</translation>
    </message>
    <message>
        <source>this run</source>
        <translation>이 실행</translation>
    </message>
    <message>
        <source>the pinned run {label}</source>
        <translation>고정한 실행 {label}</translation>
    </message>
    <message>
        <source>Log scale needs an objective &gt; 0, but {which} reaches 0 at k = {k} (an exact fit).</source>
        <translation>로그 눈금은 목적함수가 0보다 커야 하는데, {which}의 목적함수가 k = {k}에서 0이 됩니다(완전히 들어맞음).</translation>
    </message>
    <message>
        <source> (the flat tail is left out: log scale shows all)</source>
        <translation> (평평한 뒷부분은 생략: 로그 눈금이면 모두 보입니다)</translation>
    </message>
    <message>
        <source> (try log scale)</source>
        <translation> (로그 눈금을 써 보세요)</translation>
    </message>
    <message>
        <source>objective {f}</source>
        <translation>목적함수 {f}</translation>
    </message>
    <message>
        <source>λ (log scale)</source>
        <extracomment>One colour per slope (b1, b2, …), repeated beyond ten.
----------
classroom mode&apos;s factor for fonts (1: normal)
----------
The legends&apos; text: dark on their light ground, as the run plots&apos; (pyqtgraph&apos;s default grey is faint on a projector).
----------
classroom mode&apos;s factor for fonts and lines (1: normal)</extracomment>
        <translation>λ (로그 눈금)</translation>
    </message>
    <message>
        <source>coefficient at the exact optimum</source>
        <translation>정확한 최적해의 계수</translation>
    </message>
    <message>
        <source>optimum bj*</source>
        <translation>최적해 bj*</translation>
    </message>
    <message>
        <source>L1: coefficients reach exactly 0</source>
        <translation>L1: 계수가 정확히 0이 됩니다</translation>
    </message>
    <message>
        <source>L2: coefficients shrink, never to 0</source>
        <translation>L2: 계수가 줄지만 0은 되지 않습니다</translation>
    </message>
    <message>
        <source> (of MSE on a line, not of this classifier)</source>
        <translation> (직선의 MSE 기준이며, 이 분류 모델의 것이 아님)</translation>
    </message>
    <message>
        <source> (of MSE)</source>
        <translation> (MSE 기준)</translation>
    </message>
    <message>
        <source>b{j} ({name}) is exactly 0 from λ = {lam} up</source>
        <translation>λ = {lam}부터 b{j}({name}) 값이 정확히 0입니다</translation>
    </message>
    <message>
        <source>Back to the plot&apos;s own view</source>
        <extracomment>The note&apos;s figure: the original cost in black, the penalty term in a reddish orange (dotted), kept apart from the note&apos;s red tangent line (dashed). The current run&apos;s path when every pin colour is taken. The plot item&apos;s layout row under the bottom axis that holds the note, and its line height. A note grows with classroom mode&apos;s zoom only up to this factor (it is a remark under the plot, which keeps its height on a projector). A diverged run is drawn up to the first iterate this many start-distances away. The note starts right of the left axis and wraps this many pixels short of the right edge. classroom mode&apos;s factor for fonts and lines (1: normal)</extracomment>
        <translation>그래프의 원래 보기로</translation>
    </message>
    <message>
        <source>Wheel: zoom · drag: pan · the “A” button in the corner or Ctrl+0: back to the plot&apos;s view</source>
        <translation>휠: 확대/축소 · 끌기: 이동 · 모서리의 “A” 버튼이나 Ctrl+0: 원래 보기로</translation>
    </message>
    <message>
        <source>cannot export the plot as {name}: the file name must end in .png or .svg</source>
        <translation>그래프를 {name} 파일로 내보낼 수 없습니다. 파일 이름은 .png나 .svg로 끝나야 합니다</translation>
    </message>
    <message>
        <source>cannot export the plot: the folder {folder} does not exist</source>
        <translation>그래프를 내보낼 수 없습니다. {folder} 폴더가 없습니다</translation>
    </message>
    <message>
        <source>cannot export the plot: writing {path} failed</source>
        <translation>그래프를 내보낼 수 없습니다. {path}에 쓰지 못했습니다</translation>
    </message>
    <message>
        <source>cannot export the plot to {path}: {problem}</source>
        <translation>그래프를 {path}에 내보낼 수 없습니다: {problem}</translation>
    </message>
    <message>
        <source>k = {k} is off the plot {arrow}</source>
        <extracomment>Places tried along the edge (evenly spread, from one end to the other). What covering the legend&apos;s box, or a current mark, counts (as plot_legend.HIDES_CURRENT). (iterate&apos;s x, y, which edges) of the shown remark, to place it again after a resize the remark&apos;s place is from before the drawn points changed (place_legend) the remark with its hint, without it, and its first line alone</extracomment>
        <translation>k = {k}: 그래프 밖에 있음 {arrow}</translation>
    </message>
    <message>
        <source>the slope of {cost} does not shrink near its minimum — it jumps between fixed values — </source>
        <extracomment>A bounce keeps at least this share of its length over two updates.</extracomment>
        <translation>{cost}의 기울기는 최솟값 근처에서 줄어들지 않고 고정된 값 사이를 오갑니다 — </translation>
    </message>
    <message>
        <source>The iterates hop between {name} = {a:.6g} and {b:.6g} for ever: {why}each step stays {step:.3g} long, above the tolerance {tol:g}. Try a smaller η or a tolerance above {step:.3g}.</source>
        <translation>반복값이 {name} = {a:.6g}와 {b:.6g} 사이를 끝없이 오갑니다: {why}한 단계가 {step:.3g}에서 줄지 않아 허용 오차 {tol:g}보다 큽니다. η를 줄이거나 허용 오차를 {step:.3g}보다 크게 해 보세요.</translation>
    </message>
    <message>
        <source> b0 and b1 pull against each other: a long narrow valley whose steep side holds η back.</source>
        <translation> b0과 b1이 서로 당겨, 길고 좁은 골짜기입니다: 가파른 쪽이 η를 붙잡습니다.</translation>
    </message>
    <message>
        <source> (stable below {limit:.6g})</source>
        <translation> ({limit:.6g} 미만에서 안정)</translation>
    </message>
    <message>
        <source>Try a smaller η or a tolerance above {step:.3g}: {name} hops between {a:.4g} and {b:.4g} for ever.</source>
        <translation>η를 줄이거나 허용 오차를 {step:.3g}보다 크게 해 보세요: {name} = {a:.4g}와 {b:.4g} 사이를 끝없이 오갑니다.</translation>
    </message>
    <message>
        <source>Use the model&apos;s own cost, {own}: {cost} through σ is flat where σ is.</source>
        <translation>이 모델의 비용함수 {own}를 쓰세요: σ를 거친 {cost}는 σ가 평평한 곳에서 평평합니다.</translation>
    </message>
    <message>
        <source>Raise max iterations or η (stable below {limit:.4g}): about {more:,} more updates.</source>
        <translation>최대 반복 횟수나 η({limit:.4g} 미만에서 안정)를 늘려 보세요: 약 {more:,}번 더 업데이트해야 합니다.</translation>
    </message>
    <message>
        <source>Raise max iterations or η: about {more:,} more updates.</source>
        <translation>최대 반복 횟수나 η를 늘려 보세요: 약 {more:,}번 더 업데이트해야 합니다.</translation>
    </message>
    <message>
        <source>Still creeping ({share} shorter a step, about {more:,} more updates): {cost} through σ is not convex and flat where σ is; the model&apos;s own cost, {own}, descends here.</source>
        <translation>아직 천천히 가는 중 (한 단계마다 {share} 짧아짐, 약 {more:,}번 더): σ를 거친 {cost}는 볼록하지(convex) 않고 σ가 평평한 곳에서 평평합니다. 이 모델의 비용함수 {own}는 여기서도 내려갑니다.</translation>
    </message>
    <message>
        <source>Still creeping: each step only {share} shorter than the last, about {more:,} more updates to the tolerance.{valley} Raise max iterations, or η{stable}.</source>
        <translation>아직 천천히 가는 중: 한 단계가 앞 단계보다 {share}만 짧아, 허용 오차까지 약 {more:,}번 더 업데이트해야 합니다.{valley} 최대 반복 횟수나 η{stable}를 늘려 보세요.</translation>
    </message>
    <message>
        <source>data {name}</source>
        <translation>데이터 {name}</translation>
    </message>
    <message>
        <source>no penalty</source>
        <translation>규제 없음</translation>
    </message>
    <message>
        <source>from {start}</source>
        <translation>{start}에서 시작</translation>
    </message>
    <message>
        <source>max {n:,} updates</source>
        <translation>최대 {n:,}번 업데이트</translation>
    </message>
    <message>
        <source>tolerance {t:g}</source>
        <translation>허용 오차 {t:g}</translation>
    </message>
    <message>
        <source>its samples are not a JSON object</source>
        <extracomment>The longest column name a session may hold: the longest value a data file may (the CSV reader&apos;s field limit), so a hand-edited session cannot slow the window down more. A session file larger than this is not a session file. Data sets up to this many samples live inside the session file; larger ones beside it. The temporary file a save writes first; group 1 is the saving process&apos;s id.</extracomment>
        <translation>샘플 데이터가 JSON 객체가 아닙니다</translation>
    </message>
    <message>
        <source>the feature columns are not of one length</source>
        <translation>피쳐 열들의 길이가 서로 다릅니다</translation>
    </message>
    <message>
        <source>its {key} is not a list</source>
        <translation>{key} 항목이 목록이 아닙니다</translation>
    </message>
    <message>
        <source>a name in it is not text</source>
        <translation>이름 하나가 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>a name in it is {n} characters long; a column name has at most {limit}</source>
        <translation>이름 하나가 {n}자입니다. 열 이름은 최대 {limit}자입니다</translation>
    </message>
    <message>
        <source>it is not UTF-8 text</source>
        <translation>UTF-8 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>it is not complete JSON (line {line}, column {column})</source>
        <translation>온전한 JSON이 아닙니다({line}행 {column}열)</translation>
    </message>
    <message>
        <source>it is nested too deeply to be a session</source>
        <translation>세션 파일이라기에는 중첩이 너무 깊습니다</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>{name} is missing</source>
        <translation>{name} 파일이 없습니다</translation>
    </message>
    <message>
        <source>{name} is a folder, not a file</source>
        <translation>{name}은(는) 파일이 아니라 폴더입니다</translation>
    </message>
    <message>
        <source>{name} may not be read (permission denied)</source>
        <translation>{name} 파일을 읽을 권한이 없습니다</translation>
    </message>
    <message>
        <source>{name} cannot be read ({problem})</source>
        <translation>{name} 파일을 읽을 수 없습니다({problem})</translation>
    </message>
    <message>
        <source>a system error</source>
        <translation>시스템 오류</translation>
    </message>
    <message>
        <source>it is not a gdapp session</source>
        <translation>gdapp 세션 파일이 아닙니다</translation>
    </message>
    <message>
        <source>the settings are not a JSON object</source>
        <translation>설정이 JSON 객체가 아닙니다</translation>
    </message>
    <message>
        <source>a saved setting is missing: {name}</source>
        <translation>저장된 설정 하나가 없습니다: {name}</translation>
    </message>
    <message>
        <source>a saved setting is of the wrong kind</source>
        <translation>저장된 설정 하나의 형식이 맞지 않습니다</translation>
    </message>
    <message>
        <source>the saved settings are invalid ({problem})</source>
        <translation>저장된 설정이 올바르지 않습니다({problem})</translation>
    </message>
    <message>
        <source>{value} is not a finite number</source>
        <translation>{value}은(는) 유한한 수가 아닙니다</translation>
    </message>
    <message>
        <source>, kept as {name}</source>
        <translation>, {name} 이름으로 보관함</translation>
    </message>
    <message>
        <source>The saved session {name} could not be read ({reason}); starting from the document example.</source>
        <translation>저장된 세션 {name} 파일을 읽지 못해({reason}) 강의 노트 예제로 시작합니다.</translation>
    </message>
    <message>
        <source>The saved session {name} could not be applied ({reason}); starting from the document example.</source>
        <translation>저장된 세션 {name} 파일을 적용하지 못해({reason}) 강의 노트 예제로 시작합니다.</translation>
    </message>
    <message>
        <source>{name} is too large, so it is not read</source>
        <translation>{name}은(는) 너무 커서 읽지 않습니다</translation>
    </message>
    <message>
        <source>{name} is not a regular file, so it is not read</source>
        <translation>{name}은(는) 일반 파일이 아니어서 읽지 않습니다</translation>
    </message>
    <message>
        <source>Could not save the session to {path}: {problem}</source>
        <translation>세션을 {path}에 저장하지 못했습니다: {problem}</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>비용함수</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>규제</translation>
    </message>
    <message>
        <source>Regularization added to E on the coefficients (never on b0): L2 = λ·Σbj², L1 = λ·Σ|bj| (one feature: λ·b1², λ·|b1|).</source>
        <translation>E에 더하는 계수의 패널티 항 (절편 b0에는 붙지 않는다): L2 = λ·Σbj², L1 = λ·Σ|bj| (특성이 하나면 λ·b1², λ·|b1|).</translation>
    </message>
    <message>
        <source>λ (penalty strength)</source>
        <translation>λ (규제 강도)</translation>
    </message>
    <message>
        <source>How strongly the penalty pulls the coefficients toward 0.</source>
        <translation>패널티 항이 계수를 0 쪽으로 당기는 세기.</translation>
    </message>
    <message>
        <source>L1 step</source>
        <translation>L1 단계</translation>
    </message>
    <message>
        <source>proximal (soft-threshold: lands on exactly 0) or a plain subgradient step (jitters around 0).</source>
        <translation>근접(proximal, 소프트 임계값: 정확히 0에 멈춤) 또는 단순한 부분기울기(subgradient) 단계(0 근처에서 흔들림).</translation>
    </message>
    <message>
        <source>η (learning rate)</source>
        <translation>η (학습률)</translation>
    </message>
    <message>
        <source>Each update moves b by η times the slope of the tangent: b ← b − η·∂E/∂b.</source>
        <translation>업데이트마다 b를 기울기의 η배만큼 옮깁니다: b ← b − η·∂E/∂b.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작점</translation>
    </message>
    <message>
        <source>Where the descent begins (the note starts at b1 = 15).</source>
        <translation>경사하강법을 시작하는 곳(강의 노트는 b1 = 15에서 시작합니다).</translation>
    </message>
    <message>
        <source>Max iterations</source>
        <translation>최대 반복 횟수</translation>
    </message>
    <message>
        <source>The run stops after this many updates.</source>
        <translation>이만큼 업데이트하면 실행을 멈춥니다.</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>허용 오차</translation>
    </message>
    <message>
        <source>Converged when no parameter moves more than this in one update.</source>
        <translation>한 번의 업데이트에서 어떤 파라미터도 이보다 많이 움직이지 않으면 수렴으로 봅니다.</translation>
    </message>
    <message>
        <source>stopped at the iteration limit</source>
        <translation>반복 한도에서 멈춤</translation>
    </message>
    <message>
        <source>Newton&apos;s method</source>
        <translation>뉴턴 방법</translation>
    </message>
    <message>
        <source>proximal Newton</source>
        <translation>근접 뉴턴 방법</translation>
    </message>
    <message>
        <source> (and {n} more text cell(s))</source>
        <translation> (텍스트 셀 {n}개 더)</translation>
    </message>
    <message>
        <source>note: text is not judged, only numbers and formulas: {cell}{more}</source>
        <translation>참고: 텍스트는 판정하지 않고 숫자와 수식만 판정합니다: {cell}{more}</translation>
    </message>
    <message>
        <source>{cell}: the workbook has {have}, gdapp writes {wanted} there</source>
        <translation>{cell}: 통합 문서에는 {have}이(가) 있고, gdapp는 그곳에 {wanted}을(를) 씁니다</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>아무것도 없음</translation>
    </message>
    <message>
        <source>{where}: the workbook has {shown}, gdapp writes {wanted}</source>
        <translation>{where}: 통합 문서에는 {shown}이(가) 있고, gdapp는 {wanted}을(를) 씁니다</translation>
    </message>
    <message>
        <source>{sheet}!row {row}: the engine diverges at update {k}, but this row holds only ordinary values</source>
        <translation>{sheet}!{row}행: 엔진은 {k}번째 업데이트에서 발산하는데, 이 행에는 보통 값만 있습니다</translation>
    </message>
    <message>
        <source>an empty cell</source>
        <translation>빈 셀</translation>
    </message>
    <message>
        <source>no formula ({value})</source>
        <translation>수식 없음({value})</translation>
    </message>
    <message>
        <source>{where}: {problem}</source>
        <translation>{where}: {problem}</translation>
    </message>
    <message>
        <source>note: the gradient check&apos;s {n} column(s) of central differences (h = {h}, s = h·max(1, |bj|)) were compared with the engine&apos;s; both compute the same quotient, so its truncation error is common to both, and each may differ by the rounding of its two objectives (1e-12 of their largest term, over s); the analytic gradient and the central difference differ by at most {worst} of the gradient&apos;s size (k = {k}, {name})</source>
        <translation>참고: 수치 미분 검사의 중심 차분 열 {n}개(h = {h}, s = h·max(1, |bj|))를 엔진의 값과 비교했습니다. 둘 다 같은 몫을 계산하므로 절단 오차는 공통이고, 각각 두 목적함수 값의 반올림(가장 큰 항의 1e-12를 s로 나눈 만큼)만큼 다를 수 있습니다. 해석적 기울기와 중심 차분의 차이는 기울기 크기의 최대 {worst}입니다(k = {k}, {name})</translation>
    </message>
    <message>
        <source>cannot verify: </source>
        <translation>검증할 수 없습니다. </translation>
    </message>
    <message>
        <source>{prefix}{where} must hold a number, it holds {value}</source>
        <translation>{prefix}{where}에는 숫자가 있어야 하는데 {value}이(가) 있습니다</translation>
    </message>
    <message>
        <source>{prefix}its Settings sheet does not name a penalty (l1, l2) and a model (origin, line) in B2 and B3</source>
        <translation>{prefix}Settings 시트의 B2와 B3에 패널티(l1, l2)와 모델(origin, line)이 적혀 있지 않습니다</translation>
    </message>
    <message>
        <source>{prefix}its Data sheet has no header of sample, features and target</source>
        <translation>{prefix}Data 시트에 샘플, 피쳐, 타깃의 머리글이 없습니다</translation>
    </message>
    <message>
        <source>{prefix}its Data sheet holds no samples</source>
        <translation>{prefix}Data 시트에 샘플이 없습니다</translation>
    </message>
    <message>
        <source>{prefix}its Path sheet holds no λ rows</source>
        <translation>{prefix}Path 시트에 λ 행이 없습니다</translation>
    </message>
    <message>
        <source>{prefix}{problem}</source>
        <translation>{prefix}{problem}</translation>
    </message>
    <message>
        <source>{prefix}the workbook&apos;s settings do not make a path ({problem})</source>
        <translation>{prefix}통합 문서의 설정으로는 규제 경로를 만들 수 없습니다({problem})</translation>
    </message>
    <message>
        <source>{prefix}its samples do not make a data set ({problem})</source>
        <translation>{prefix}샘플로 데이터를 만들 수 없습니다({problem})</translation>
    </message>
    <message>
        <source>LibreOffice was not started: a formula gdapp does not write is a difference already, and it could keep a spreadsheet program computing for as long as it likes</source>
        <translation>LibreOffice를 시작하지 않았습니다. gdapp가 쓰지 않는 수식은 그 자체로 차이이며, 스프레드시트 프로그램이 끝없이 계산하게 만들 수 있습니다</translation>
    </message>
    <message>
        <source>note: the Summary&apos;s ridge optimum is not trustworthy at this condition number (κ = {kappa}: the sheet&apos;s MINVERSE keeps about {digits} digits); its cells, b0 and the objective there were compared within what that rounding allows, not 1e-12</source>
        <translation>참고: 이 조건수(κ = {kappa}: 시트의 MINVERSE는 약 {digits}자리를 유지합니다)에서는 Summary 시트의 릿지 최적해를 믿을 수 없습니다. 그 셀들과 b0, 목적함수는 1e-12가 아니라 그 반올림이 허용하는 범위 안에서 비교했습니다</translation>
    </message>
    <message>
        <source>note: the Summary&apos;s optimum ({stored}) was computed at export; with the workbook&apos;s settings and data now the engine&apos;s is ({now}); the live objective and gradient there were checked at the stored values</source>
        <translation>참고: Summary 시트의 최적해({stored})는 내보낼 때 계산한 것입니다. 지금 통합 문서의 설정과 데이터로 엔진이 구한 최적해는 ({now})입니다. 그곳의 목적함수와 기울기 수식은 저장된 값에서 검사했습니다</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>workbook {workbook}, engine {engine}</source>
        <translation>통합 문서 {workbook}, 엔진 {engine}</translation>
    </message>
    <message>
        <source>note: with these settings the run diverges at update {k}: the first {last} of {rows} iterate rows were compared, the {beyond} later rows were checked to show the divergence too, and the Summary and Data sheets (which describe the last row) were not compared</source>
        <translation>참고: 이 설정에서는 실행이 {k}번째 업데이트에서 발산합니다. 반복 행 {rows}개 중 처음 {last}개를 비교했고, 그 뒤의 {beyond}개 행도 발산을 보여 주는지 검사했으며, 마지막 행을 설명하는 Summary 시트와 Data 시트는 비교하지 않았습니다</translation>
    </message>
    <message>
        <source>note: the stopping rule fired at a different row in the workbook (Iterations used {workbook}) than in the engine ({engine}), because there the steps are within rounding of the tolerance ({tol}) and the iterates differ in their last digits{agree}</source>
        <translation>참고: 멈춤 규칙이 통합 문서(사용한 반복 {workbook})와 엔진({engine})에서 다른 행에서 작동했습니다. 그곳에서는 이동 폭이 허용 오차({tol})와 반올림 범위 안에서 같고, 반복 값이 마지막 자릿수에서 다르기 때문입니다{agree}</translation>
    </message>
    <message>
        <source>cannot verify {name}: </source>
        <translation>{name}을(를) 검증할 수 없습니다. </translation>
    </message>
    <message>
        <source>; the parameters agree within rounding (largest relative deviation {d})</source>
        <translation>. 파라미터는 반올림 범위 안에서 일치합니다(최대 상대 편차 {d})</translation>
    </message>
    <message>
        <source>from Iterations row {row}</source>
        <translation>Iterations 시트 {row}행부터</translation>
    </message>
    <message>
        <source>on the Data and Summary sheets</source>
        <translation>Data 시트와 Summary 시트에서</translation>
    </message>
    <message>
        <source> ({cost} bounces around an exact fit)</source>
        <translation> ({cost}이(가) 정확한 적합 근처에서 튑니다)</translation>
    </message>
    <message>
        <source>note: {where} the run is sensitive to rounding{why}: {n} values there were compared within the spread of the engine&apos;s own re-runs (η moved by {ulps}, from there on {chaos}, units in the last place, and every sample by one) times {factor}, not 1e-12 (largest relative deviation {deviation}, at {cell}, within {tolerance}); every formula was still compared exactly</source>
        <translation>참고: {where} 실행이 반올림에 민감합니다{why}. 그곳의 값 {n}개는 1e-12가 아니라 엔진 자체 재실행의 변동 폭(η를 마지막 자리 단위로 {ulps}, 그 뒤로는 {chaos}만큼, 샘플마다 하나씩 움직임)의 {factor}배 안에서 비교했습니다(최대 상대 편차 {deviation}, {cell}, 허용 {tolerance}). 수식은 모두 정확히 비교했습니다</translation>
    </message>
    <message>
        <source>note: {n} formula(s) are spelled as an earlier gdapp wrote them (gdapp.excel.earlier says which and why they changed); they compute the same, and their values were compared as any other</source>
        <translation>참고: 수식 {n}개가 이전 gdapp가 쓰던 모양입니다(어떤 수식이 왜 바뀌었는지는 gdapp.excel.earlier에 있습니다). 계산 결과는 같고, 값은 다른 셀과 똑같이 비교했습니다</translation>
    </message>
    <message>
        <source>note: {n} converged flag(s) (or the count of iterations used that follows them) differ from the engine&apos;s where the step is within rounding of the tolerance; either value was accepted there</source>
        <translation>참고: 이동 폭이 허용 오차와 반올림 범위 안에서 같은 곳에서 수렴 표시 {n}개(또는 그에 따른 사용한 반복 횟수)가 엔진과 다릅니다. 그곳에서는 어느 값이든 받아들였습니다</translation>
    </message>
    <message>
        <source>cannot verify: {problem}</source>
        <translation>검증할 수 없습니다. {problem}</translation>
    </message>
    <message>
        <source>{prefix}{path}: {reason}</source>
        <translation>{prefix}{path}: {reason}</translation>
    </message>
    <message>
        <source>{prefix}the workbook&apos;s settings do not make a run ({problem})</source>
        <translation>{prefix}통합 문서의 설정으로는 실행을 만들 수 없습니다({problem})</translation>
    </message>
    <message>
        <source>{prefix}{name} is not a gdapp workbook (no Summary sheet)</source>
        <translation>{prefix}{name}은(는) gdapp 통합 문서가 아닙니다(Summary 시트가 없습니다)</translation>
    </message>
    <message>
        <source>the workbook has no name {name} (gdapp defines it as {place})</source>
        <translation>통합 문서에 이름 {name}이(가) 없습니다(gdapp는 이를 {place}(으)로 정의합니다)</translation>
    </message>
    <message>
        <source>note: Settings!B{row} ({name}) was {then} at export and is {now} now; the run was checked with the value it has now</source>
        <translation>참고: Settings!B{row}({name})은(는) 내보낼 때 {then}이었고 지금은 {now}입니다. 실행은 지금 값으로 검사했습니다</translation>
    </message>
    <message>
        <source>the name {name} stands for {have}, gdapp defines it as {place}</source>
        <translation>이름 {name}이(가) {have}을(를) 가리키는데, gdapp는 이를 {place}(으)로 정의합니다</translation>
    </message>
    <message>
        <source>the verification&apos;s copies</source>
        <translation>검증용 사본</translation>
    </message>
    <message>
        <source>{cell}: the workbook has nothing, gdapp writes a sample there</source>
        <translation>{cell}: 통합 문서에는 아무것도 없는데, gdapp는 그곳에 샘플을 씁니다</translation>
    </message>
    <message>
        <source>the workbook defines a name {name} (= {text}) that gdapp does not write</source>
        <translation>통합 문서가 gdapp가 쓰지 않는 이름 {name}(= {text})을(를) 정의합니다</translation>
    </message>
    <message>
        <source>{where}: workbook {have}, gdapp computes {want}</source>
        <translation>{where}: 통합 문서 {have}, gdapp의 계산 {want}</translation>
    </message>
    <message>
        <source>{where}: workbook {have}, the engine&apos;s optimum at λ = {lam} is {want}</source>
        <translation>{where}: 통합 문서 {have}, λ = {lam}에서 엔진의 최적해 {want}</translation>
    </message>
    <message>
        <source>{where}: workbook {have}, the optimality check evaluated by gdapp is {want}</source>
        <translation>{where}: 통합 문서 {have}, gdapp가 계산한 최적성 검사 {want}</translation>
    </message>
    <message>
        <source>proximal</source>
        <translation>근접(proximal)</translation>
    </message>
    <message>
        <source>subgradient</source>
        <translation>부분기울기(subgradient)</translation>
    </message>
    <message>
        <source>converged</source>
        <translation>수렴</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <source>normal equation</source>
        <translation>정규방정식</translation>
    </message>
    <message>
        <source>ridge</source>
        <translation>릿지</translation>
    </message>
    <message>
        <source>soft threshold</source>
        <translation>소프트 임계값</translation>
    </message>
    <message>
        <source>coordinate descent</source>
        <translation>좌표 하강법</translation>
    </message>
    <message>
        <source>weighted median</source>
        <translation>가중 중앙값</translation>
    </message>
    <message>
        <source>dense search</source>
        <translation>촘촘한 탐색</translation>
    </message>
    <message>
        <source>bisection</source>
        <translation>이분법</translation>
    </message>
    <message>
        <source>stepping: k = {k}</source>
        <translation>한 단계씩 진행 중: k = {k}</translation>
    </message>
    <message>
        <source>stepping: k = {k} (End shows how the run ends)</source>
        <translation>한 단계씩 진행 중: k = {k} (End를 누르면 실행이 어떻게 끝나는지 보입니다)</translation>
    </message>
    <message>
        <source>converged at k = {k}</source>
        <translation>k = {k}에서 수렴</translation>
    </message>
    <message>
        <source>diverged at k = {k}</source>
        <translation>k = {k}에서 발산</translation>
    </message>
    <message>
        <source>stopped at {n} updates</source>
        <translation>{n}번 업데이트 뒤 멈춤</translation>
    </message>
    <message>
        <source>stopped at max iterations ({n}) without converging</source>
        <translation>수렴하지 못하고 최대 반복 횟수({n})에서 멈춤</translation>
    </message>
    <message>
        <source>accuracy: {share} ({right} of {n} samples)</source>
        <translation>정확도: {share} (샘플 {n}개 중 {right}개)</translation>
    </message>
    <message>
        <source>accuracy at k = {k}: {share} ({right} of {n} samples)</source>
        <translation>k = {k}의 정확도: {share} (샘플 {n}개 중 {right}개)</translation>
    </message>
    <message>
        <source>, objective {value}</source>
        <translation>, 목적함수 {value}</translation>
    </message>
    <message>
        <source>exact optimum {where}{value} ({method}); distance from k = {k}: {distance}</source>
        <translation>정확한 최적해 {where}{value} ({method}), k = {k}에서의 거리: {distance}</translation>
    </message>
    <message>
        <source>lowest valley {where}{value} ({method}); distance from k = {k}: {distance}</source>
        <translation>가장 낮은 골짜기 {where}{value} ({method}), k = {k}에서의 거리: {distance}</translation>
    </message>
    <message>
        <source>exact optimum {where}{value} ({method})</source>
        <translation>정확한 최적해 {where}{value} ({method})</translation>
    </message>
    <message>
        <source>lowest valley {where}{value} ({method})</source>
        <translation>가장 낮은 골짜기 {where}{value} ({method})</translation>
    </message>
    <message>
        <source>safe for η &lt; {limit} (a bound: a larger η may still settle)</source>
        <translation>η &lt; {limit}이면 안전 (상한의 추정: 더 큰 η로도 수렴할 수 있음)</translation>
    </message>
    <message>
        <source>stable for η &lt; (2 + 2μ)/E&apos;&apos; = {limit}</source>
        <translation>안정 한계: η &lt; (2 + 2μ)/E&apos;&apos; = {limit}</translation>
    </message>
    <message>
        <source>stable for η &lt; 2/E&apos;&apos; = {limit}</source>
        <translation>안정 한계: η &lt; 2/E&apos;&apos; = {limit}</translation>
    </message>
    <message>
        <source>η = {eta} sits on the stability limit {limit}: the iterates bounce back and forth for ever</source>
        <translation>η = {eta}가 안정 한계 {limit}와 같습니다. 반복값이 끝없이 진동합니다</translation>
    </message>
    <message>
        <source>η = {eta} ≥ the stability limit {limit}: each step overshoots further, the descent diverges</source>
        <translation>η = {eta} ≥ 안정 한계 {limit}: 단계마다 더 멀리 넘어가 경사하강법이 발산합니다</translation>
    </message>
    <message>
        <source>in the original units: {names} = {values}</source>
        <translation>원래 단위로 환산한 계수: {names} = {values}</translation>
    </message>
    <message>
        <source>in the original units at k = {k}: {names} = {values}</source>
        <translation>원래 단위로 환산한 k = {k}의 계수: {names} = {values}</translation>
    </message>
    <message>
        <source>stuck in a local minimum at {stuck}: the lowest valley is at {lowest} (start elsewhere to reach it)</source>
        <translation>지역 최솟값 {stuck}에 갇혔습니다. 가장 낮은 골짜기는 {lowest}에 있습니다(거기에 닿으려면 다른 시작점에서 출발하세요)</translation>
    </message>
    <message>
        <source>converged only by the stopping rule: every step was below the tolerance {tol}, yet the last iterate is still {left} from the optimum (η = {eta} is too small, or the tolerance too large)</source>
        <translation>멈춤 규칙으로만 수렴했습니다. 모든 단계가 허용 오차 {tol}보다 작았지만 마지막 반복값은 아직 최적 값에서 {left}만큼 떨어져 있습니다(η = {eta}가 너무 작거나 허용 오차가 너무 큽니다)</translation>
    </message>
    <message>
        <source>Update k = {k} → {k1}:</source>
        <translation>업데이트 k = {k} → {k1}:</translation>
    </message>
    <message>
        <source>slope of the objective = {g} + {p} = {s}</source>
        <translation>목적함수의 기울기 = {g} + {p} = {s}</translation>
    </message>
    <message>
        <source>penalty part 2λ·{name} = 2 × {lam} × {b} = {p}</source>
        <translation>패널티 항 부분 2λ·{name} = 2 × {lam} × {b} = {p}</translation>
    </message>
    <message>
        <source>Last update k = {k} → {k1}:</source>
        <translation>마지막 업데이트 k = {k} → {k1}:</translation>
    </message>
    <message>
        <source>penalty part λ·sign({name}) = {lam} × {s} = {p}</source>
        <translation>패널티 항 부분 λ·sign({name}) = {lam} × {s} = {p}</translation>
    </message>
    <message>
        <source>the grid&apos;s ∂/∂{name} = {g} + λ·sign({name}) = {s}: the objective&apos;s slope; this step takes the cost&apos;s, then shrinks</source>
        <translation>표의 ∂/∂{name} = {g} + λ·sign({name}) = {s}: 목적함수의 기울기입니다. 이 단계는 비용의 기울기로 움직인 뒤 0 쪽으로 줄입니다</translation>
    </message>
    <message>
        <source>step on the cost: z = {name} − η·∂E/∂{name} = {b} − {eta} × {g} = {z}</source>
        <translation>비용함수로 한 걸음: z = {name} − η·∂E/∂{name} = {b} − {eta} × {g} = {z}</translation>
    </message>
    <message>
        <source>shrink toward 0 by η·λ = {s}: {name} ← sign(z)·max(|z| − {s}, 0) = {new}</source>
        <translation>η·λ = {s}만큼 0 쪽으로 줄이기: {name} ← sign(z)·max(|z| − {s}, 0) = {new}</translation>
    </message>
    <message>
        <source>(the run diverged at k = {k}: no update follows, the next value is too large to hold)</source>
        <translation>(실행이 k = {k}에서 발산했습니다: 다음 값은 담을 수 없을 만큼 커서 이어지는 업데이트가 없습니다)</translation>
    </message>
    <message>
        <source>(the run stopped at k = {k}: this was its last update, no update follows)</source>
        <translation>(실행은 k = {k}에서 멈췄습니다: 이것이 마지막 업데이트이고, 이어지는 업데이트는 없습니다)</translation>
    </message>
    <message>
        <source>(the run stops here: the next value is too large to hold)</source>
        <translation>(실행이 여기서 멈춥니다: 다음 값은 담을 수 없을 만큼 큽니다)</translation>
    </message>
    <message>
        <source>(the run stopped at k = {k}; this is the update that would follow)</source>
        <translation>(실행은 k = {k}에서 멈췄습니다. 이것은 그다음 업데이트입니다)</translation>
    </message>
    <message>
        <source>cost E</source>
        <extracomment>Display precision of the grid (the copy to the clipboard keeps every digit). The fewest significant digits a number is shortened to when its column is too narrow. What a cell shows when not even its shortest form fits (as a spreadsheet does).</extracomment>
        <translation>비용 E</translation>
    </message>
    <message>
        <source>penalty</source>
        <translation>패널티</translation>
    </message>
    <message>
        <source>objective</source>
        <translation>목적함수</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>test cost</source>
        <translation>테스트 비용</translation>
    </message>
    <message>
        <source>current iterate k = {k} (the tangent is drawn here)</source>
        <translation>현재 반복 k = {k} (여기에 기울기 직선을 그립니다)</translation>
    </message>
    <message>
        <source>converged at k = {k}: every |Δb| ≤ {tol}</source>
        <translation>k = {k}에서 수렴: 모든 |Δb| ≤ {tol}</translation>
    </message>
    <message>
        <source>diverged: update k = {k} gave a number too large to hold; η is past the stability limit</source>
        <translation>발산: k = {k}번째 업데이트가 담을 수 없을 만큼 큰 수를 냈습니다. η가 안정 한계를 넘었습니다</translation>
    </message>
    <message>
        <source>stopped at max iterations ({n}) before converging</source>
        <translation>수렴하기 전에 최대 반복 횟수({n})에서 멈춤</translation>
    </message>
    <message>
        <source>The iterations, one row per update; select a row to move the tangent there. Ctrl+C copies the selection for a spreadsheet.</source>
        <extracomment>Keep the current row in view (through resizes and the layout after a new run) until the user scrolls the grid away from it. Paint the cells with :class:`CellPainter` (False: Qt&apos;s item delegate, which draws the same from the model&apos;s roles, twice as slowly).</extracomment>
        <translation>반복 계산표: 업데이트마다 한 행입니다. 행을 고르면 기울기 직선이 그곳으로 옮겨 갑니다. Ctrl+C로 선택한 부분을 스프레드시트용으로 복사합니다.</translation>
    </message>
    <message>
        <source>The note&apos;s run</source>
        <extracomment>The windows that replaced another in a new language: kept referenced while they are open (the first window is held by whoever made it). Classroom mode&apos;s size of fonts and lines, and the largest size Ctrl+= reaches.</extracomment>
        <translation>강의 노트의 실행</translation>
    </message>
    <message>
        <source>Back to the note&apos;s example: x = 1, 2; y = 2, 6; MSE; η = 0.01 from b1 = 15</source>
        <translation>강의 노트의 예제로 돌아갑니다: x = 1, 2; y = 2, 6; MSE; b1 = 15에서 η = 0.01</translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation>수업(&amp;L)</translation>
    </message>
    <message>
        <source>Next scene</source>
        <translation>다음 장면</translation>
    </message>
    <message>
        <source>The lesson&apos;s next scene (PgDn)</source>
        <translation>수업의 다음 장면 (PgDn)</translation>
    </message>
    <message>
        <source>Previous scene</source>
        <translation>이전 장면</translation>
    </message>
    <message>
        <source>The lesson&apos;s previous scene (PgUp)</source>
        <translation>수업의 이전 장면 (PgUp)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>Reset plot views</source>
        <translation>그래프 보기 초기화</translation>
    </message>
    <message>
        <source>Undo zooming and panning in the plots</source>
        <translation>그래프의 확대와 이동을 되돌립니다</translation>
    </message>
    <message>
        <source>Classroom mode</source>
        <translation>강의실 모드</translation>
    </message>
    <message>
        <source>Larger fonts and thicker lines for a projector</source>
        <translation>프로젝터용으로 글자를 키우고 선을 굵게 합니다</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>크게</translation>
    </message>
    <message>
        <source>Larger fonts and lines (Ctrl+=)</source>
        <translation>글자와 선을 크게 (Ctrl+=)</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>작게</translation>
    </message>
    <message>
        <source>Smaller fonts and lines (Ctrl+−)</source>
        <translation>글자와 선을 작게 (Ctrl+−)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;A)</translation>
    </message>
    <message>
        <source>Switch the window to this language (remembered)</source>
        <translation>창을 이 언어로 바꿉니다(다음 시작에도 유지)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>About gdapp</source>
        <translation>gdapp 정보</translation>
    </message>
    <message>
        <source>What gdapp is and where its example comes from</source>
        <translation>gdapp이 무엇이고 예제가 어디서 왔는지</translation>
    </message>
    <message>
        <source>Back to the note&apos;s run: η = 0.01 from b1 = 15 on (1, 2), (2, 6).</source>
        <translation>강의 노트의 실행으로 돌아왔습니다: (1, 2), (2, 6)에서 b1 = 15부터 η = 0.01.</translation>
    </message>
    <message>
        <source>&lt;b&gt;gdapp&lt;/b&gt; — gradient descent, the way a lecture note did it in Excel.&lt;p&gt;The example is a Korean lecture note on cost functions, gradient descent and L1/L2 regularization (after a deep-learning workshop of Yonsei University&apos;s Center for Digital Social Science): two samples (1, 2) and (2, 6), the model ŷ = b1·x, the cost E = 2.5·b1² − 14·b1 + 20, and the update b1 ← b1 − η·∂E/∂b1 from b1 = 15 (14.39, 13.8105, … → 2.8 at η = 0.01).&lt;/p&gt;&lt;p&gt;gdapp computes the same on that example or on your own data, shows every iteration, and exports each run as a workbook of live formulas that it checks by recalculating it in LibreOffice.&lt;/p&gt;</source>
        <translation>&lt;b&gt;gdapp&lt;/b&gt; — 강의 노트가 엑셀로 했던 그대로의 경사하강법.&lt;p&gt;예제는 비용함수, 경사하강법, L1/L2 규제를 다룬 한국어 강의 노트(연세대학교 디지털사회과학센터의 딥러닝 워크숍을 바탕으로 함)에서 왔습니다. 샘플데이터 (1, 2)와 (2, 6), 모델 ŷ = b1·x, 비용함수 E = 2.5·b1² − 14·b1 + 20, 그리고 b1 = 15에서 시작하는 업데이트 b1 ← b1 − η·∂E/∂b1입니다(η = 0.01이면 14.39, 13.8105, … → 2.8).&lt;/p&gt;&lt;p&gt;gdapp은 이 예제나 여러분의 데이터로 같은 계산을 하고, 모든 반복을 보여 주며, 각 실행을 살아 있는 수식으로 된 통합 문서로 내보냅니다. 그리고 그 통합 문서를 LibreOffice에서 다시 계산해 숫자가 맞는지 검증합니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The window is now in English.</source>
        <translation>이제 창이 영어로 표시됩니다.</translation>
    </message>
    <message>
        <source>The window is now in Korean.</source>
        <translation>이제 창이 한국어로 표시됩니다.</translation>
    </message>
    <message>
        <source>computing… (a large run: {n} samples × {updates} updates)</source>
        <extracomment>The current run&apos;s colour, on every plot, whatever is pinned. Colours for pinned runs, clear of the black (cost), the red tangent, the orange penalty the note&apos;s figures use and of this run&apos;s blue. At most this many runs can be pinned at once (one colour each). The fixed cost of one update, in sample-updates (one ≈ 0.1–0.2 µs): the note&apos;s own loop (origin, MSE, no or L2 penalty: ~0.35 µs), the other O(1) loops of MSE/RMSE (~2 µs), MAE origin from sorted breakpoints (~70 µs with its record), a direct MAE loop (~30 µs). Runs estimated above this many sample-updates (~0.5 s) are computed in the background.</extracomment>
        <translation>계산 중… (큰 실행: 샘플 {n}개 × 업데이트 {updates}번)</translation>
    </message>
    <message>
        <source>not enough memory for this run: try fewer samples or max iterations</source>
        <extracomment>why the current run was not pinned (already pinned, or every colour taken) the start followed a change of data or model to a new default (the sentence says so) (generation, Run or error message) from a worker thread; queued to the GUI thread</extracomment>
        <translation>이 실행에 필요한 메모리가 부족합니다. 샘플 수나 최대 반복 횟수를 줄여 보세요</translation>
    </message>
    <message>
        <source>The start moved from {before} to {after}, the default for these data (set Start to choose another).</source>
        <translation>시작점을 이 데이터의 기본값으로 옮겼습니다: {before} → {after} (다른 값을 원하면 시작점을 정하세요).</translation>
    </message>
    <message>
        <source>This run is already pinned.</source>
        <translation>이 실행은 이미 고정되어 있습니다.</translation>
    </message>
    <message>
        <source>At most {n} runs can be pinned; unpin one first.</source>
        <translation>실행은 {n}개까지 고정할 수 있습니다. 먼저 하나를 해제하세요.</translation>
    </message>
    <message>
        <source>gdapp — gradient descent, the way the note did it in Excel</source>
        <extracomment>The smallest the grid can be made with the dividers (a plot: gdapp.gui.on_demand). Lines of the step text shown at once for several features or an optimizer&apos;s worked arithmetic (the rest scrolls). Lines the frame may take to show the update&apos;s result (of its first parameter) whole. Lines of the status line, and of its warning, at most (a longer one ends in &quot;…&quot;).</extracomment>
        <translation>gdapp — 강의 노트가 엑셀로 했던 그대로의 경사하강법</translation>
    </message>
    <message>
        <source>The arithmetic of the next update, with its numbers</source>
        <extracomment>the language chosen in View ▸ Language, kept in the session (None: the system&apos;s)</extracomment>
        <translation>다음 업데이트의 계산을 숫자와 함께 보여 줍니다</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>내보냈습니다: {path}</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>열었습니다: {path}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Data&lt;/b&gt; (x, y)</source>
        <translation>&lt;b&gt;데이터&lt;/b&gt; (x, y)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Data&lt;/b&gt; (x1 … x{p}, y)</source>
        <extracomment>until the user drags a divider, the panes share the width by :meth:`_share_width`</extracomment>
        <translation>&lt;b&gt;데이터&lt;/b&gt; (피쳐 x1 … x{p}, 타깃 y)</translation>
    </message>
    <message>
        <source>Export workbook…</source>
        <translation>통합 문서 내보내기…</translation>
    </message>
    <message>
        <source>Save this run as a live-formula .xlsx</source>
        <translation>이 실행을 살아 있는 수식의 .xlsx로 저장합니다</translation>
    </message>
    <message>
        <source>Open workbook…</source>
        <translation>통합 문서 열기…</translation>
    </message>
    <message>
        <source>Load the settings and data of a gdapp workbook</source>
        <translation>gdapp 통합 문서의 설정과 데이터를 불러옵니다</translation>
    </message>
    <message>
        <source>Open the last exported workbook in your spreadsheet program</source>
        <translation>마지막으로 내보낸 통합 문서를 스프레드시트 프로그램에서 엽니다</translation>
    </message>
    <message>
        <source>Verify workbook…</source>
        <translation>통합 문서 검증…</translation>
    </message>
    <message>
        <source>Recalculate a workbook in LibreOffice and compare it with gdapp</source>
        <translation>통합 문서를 LibreOffice에서 다시 계산해 gdapp의 계산과 비교합니다</translation>
    </message>
    <message>
        <source>Export cost plot…</source>
        <translation>비용함수 그래프 내보내기…</translation>
    </message>
    <message>
        <source>Save the cost curve as PNG or SVG</source>
        <translation>비용함수 곡선을 PNG나 SVG로 저장합니다</translation>
    </message>
    <message>
        <source>Export objective plot…</source>
        <translation>목적함수 그래프 내보내기…</translation>
    </message>
    <message>
        <source>Save the objective per iteration as PNG or SVG</source>
        <translation>반복별 목적함수를 PNG나 SVG로 저장합니다</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <source>One update forward (Space)</source>
        <translation>업데이트 한 번 앞으로 (Space)</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>한 단계 뒤로</translation>
    </message>
    <message>
        <source>One update back (Shift+Space)</source>
        <translation>업데이트 한 번 뒤로 (Shift+Space)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Play the updates one after another (F5)</source>
        <translation>업데이트를 차례로 재생합니다 (F5)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>처음으로</translation>
    </message>
    <message>
        <source>Back to the start k = 0</source>
        <translation>시작점 k = 0으로 돌아갑니다</translation>
    </message>
    <message>
        <source>Run to end</source>
        <translation>끝까지 실행</translation>
    </message>
    <message>
        <source>Jump to the last iterate</source>
        <translation>마지막 반복으로 건너뜁니다</translation>
    </message>
    <message>
        <source>Pin run</source>
        <translation>실행 고정</translation>
    </message>
    <message>
        <source>Keep this run on the plots for comparison</source>
        <translation>비교를 위해 이 실행을 그래프에 남겨 둡니다</translation>
    </message>
    <message>
        <source> updates/s</source>
        <translation>번/초</translation>
    </message>
    <message>
        <source>Play speed</source>
        <translation>재생 속도 (초당 업데이트 횟수)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>Regularization path</source>
        <translation>규제 경로</translation>
    </message>
    <message>
        <source>Each coefficient&apos;s exact optimum against λ, L1 beside L2</source>
        <translation>λ에 따른 각 계수의 정확한 최적해, L1과 L2를 나란히</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>global minimum b1 = {b}</source>
        <translation>전역 최솟값 b1 = {b}</translation>
    </message>
    <message>
        <source>local minima ({n}, dense search)</source>
        <translation>국소 최솟값 ({n}개, 촘촘한 탐색)</translation>
    </message>
    <message>
        <source>click: start a run from the clicked point</source>
        <extracomment>the items drawn over the view (the legend) that a click on does not start a run</extracomment>
        <translation>클릭: 클릭한 점에서 실행을 시작합니다</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>{slope} (batch)</source>
        <translation>{slope} (배치)</translation>
    </message>
    <message>
        <source> (all)</source>
        <translation> (전체)</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>How the gradient becomes a step: gd (the note&apos;s), momentum, nesterov, adagrad, rmsprop or adam (PyTorch&apos;s equations).</source>
        <translation>기울기로 한 걸음을 만드는 방법: gd(강의 노트의 방법), momentum, nesterov, adagrad, rmsprop, adam(PyTorch의 식).</translation>
    </message>
    <message>
        <source>μ (momentum)</source>
        <translation>μ (모멘텀)</translation>
    </message>
    <message>
        <source>How much of the previous step carries on: buf = μ·buf + (1 − τ)·g (momentum, nesterov 0.9; rmsprop 0).</source>
        <translation>앞 단계가 얼마나 이어지는지: buf = μ·buf + (1 − τ)·g (momentum, nesterov는 0.9, rmsprop은 0).</translation>
    </message>
    <message>
        <source>τ (dampening)</source>
        <translation>τ (감쇠)</translation>
    </message>
    <message>
        <source>The share of each new gradient left out of the velocity (torch SGD).</source>
        <translation>새 기울기 중 속도에 더하지 않는 몫입니다(torch SGD).</translation>
    </message>
    <message>
        <source>β1</source>
        <translation>β1</translation>
    </message>
    <message>
        <source>Adam&apos;s memory of the gradient: m = β1·m + (1 − β1)·g.</source>
        <translation>Adam이 기울기를 기억하는 정도: m = β1·m + (1 − β1)·g.</translation>
    </message>
    <message>
        <source>β2</source>
        <translation>β2</translation>
    </message>
    <message>
        <source>Adam&apos;s memory of the squared gradient: v = β2·v + (1 − β2)·g².</source>
        <translation>Adam이 기울기 제곱을 기억하는 정도: v = β2·v + (1 − β2)·g².</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>Added to the root in the denominator so that it is never 0 (adagrad 1e-10; rmsprop, adam 1e-8).</source>
        <translation>분모가 0이 되지 않도록 제곱근에 더하는 값입니다(adagrad 1e-10, rmsprop과 adam 1e-8).</translation>
    </message>
    <message>
        <source>α (smoothing)</source>
        <translation>α (평활)</translation>
    </message>
    <message>
        <source>RMSProp&apos;s memory of the squared gradient: v = α·v + (1 − α)·g².</source>
        <translation>RMSProp이 기울기 제곱을 기억하는 정도: v = α·v + (1 − α)·g².</translation>
    </message>
    <message>
        <source>Centred</source>
        <translation>중심화</translation>
    </message>
    <message>
        <source>RMSProp divides by the variance of g, not its mean square.</source>
        <translation>RMSProp이 g의 제곱 평균 대신 분산으로 나눕니다.</translation>
    </message>
    <message>
        <source>AMSGrad</source>
        <translation>AMSGrad</translation>
    </message>
    <message>
        <source>Adam divides by the largest v seen so far.</source>
        <translation>Adam이 지금까지 나온 가장 큰 v로 나눕니다.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>스케줄</translation>
    </message>
    <message>
        <source>γ (decay)</source>
        <translation>γ (감소율)</translation>
    </message>
    <message>
        <source>The factor of the step (default 0.5) and exponential (0.99) schedules.</source>
        <translation>step 스케줄(기본값 0.5)과 exponential 스케줄(0.99)에서 곱하는 값입니다.</translation>
    </message>
    <message>
        <source>s (step size)</source>
        <translation>s (단계 크기)</translation>
    </message>
    <message>
        <source>The step schedule multiplies η by γ every s updates.</source>
        <translation>step 스케줄은 업데이트 s번마다 η에 γ를 곱합니다.</translation>
    </message>
    <message>
        <source>power_t</source>
        <translation>power_t</translation>
    </message>
    <message>
        <source>Batch size B</source>
        <translation>배치 크기 B</translation>
    </message>
    <message>
        <source>Samples per update: all of them (the note&apos;s full batch) unless given; 1 is stochastic gradient descent.</source>
        <translation>업데이트 한 번에 쓰는 샘플 수: 정하지 않으면 전부(강의 노트의 전체 배치)이고, 1이면 확률적 경사하강법입니다.</translation>
    </message>
    <message>
        <source>Shuffle</source>
        <translation>섞기</translation>
    </message>
    <message>
        <source>Draw a new order of the samples at every epoch (else they are taken in order).</source>
        <translation>에포크마다 샘플의 순서를 새로 뽑습니다(아니면 차례대로 씁니다).</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>The seed of the shuffled orders: the same seed, the same run.</source>
        <translation>섞는 순서의 시드: 시드가 같으면 실행도 같습니다.</translation>
    </message>
    <message>
        <source>stable for η &lt; {limit} (GD: η &lt; 2/L, L: the largest curvature)</source>
        <translation>안정 한계: η &lt; {limit} (경사하강법: η &lt; 2/L, L: 곡률 상한)</translation>
    </message>
    <message>
        <source>stable for η &lt; {limit} (heavy ball: η·L &lt; 2 + 2μ, μ = {mu})</source>
        <translation>안정 한계: η &lt; {limit} (헤비볼: η·L &lt; 2 + 2μ, μ = {mu})</translation>
    </message>
    <message>
        <source>no simple limit of η for this cost: 2/L holds for the squared error of a linear model</source>
        <translation>이 비용함수에는 η의 간단한 안정 한계가 없습니다. 2/L은 선형 모델의 제곱오차에만 맞습니다</translation>
    </message>
    <message>
        <source>no simple limit of η for {optimizer}: it rescales each step by the gradients it has seen</source>
        <translation>{optimizer}에는 η의 간단한 안정 한계가 없습니다. 지금까지의 기울기로 단계마다 크기를 바꾸기 때문입니다</translation>
    </message>
    <message>
        <source>How η changes with the update k: constant (the note&apos;s), step, exponential, invscaling or cosine.</source>
        <translation>업데이트 k에 따라 η가 바뀌는 방식: constant(강의 노트의 방식), step, exponential, invscaling, cosine.</translation>
    </message>
    <message>
        <source>The inverse-scaling schedule&apos;s exponent: η/k^power_t.</source>
        <translation>역스케일링 스케줄의 지수: η/k^power_t.</translation>
    </message>
    <message>
        <source>no simple limit of η: each mini-batch has a curvature of its own</source>
        <translation>η의 간단한 안정 한계가 없습니다. 미니배치마다 곡률이 다르기 때문입니다</translation>
    </message>
    <message>
        <source>no simple limit of η: the schedule changes η at every update</source>
        <translation>η의 간단한 안정 한계가 없습니다. 스케줄이 업데이트마다 η를 바꾸기 때문입니다</translation>
    </message>
    <message>
        <source>no simple limit of η for {optimizer} with these settings</source>
        <translation>이 설정의 {optimizer}에는 η의 간단한 안정 한계가 없습니다</translation>
    </message>
    <message>
        <source>L1 with {optimizer}: the subgradient λ·sign(b1) is added to the slope (the proximal step is gradient descent&apos;s only).</source>
        <translation>{optimizer}의 L1: 기울기에 부분기울기(subgradient) λ·sign(b1)을 더합니다(근접 단계는 경사하강법에만 있습니다).</translation>
    </message>
    <message>
        <source>{schedule} schedule</source>
        <translation>{schedule} 스케줄</translation>
    </message>
    <message>
        <source>B = {b} shuffled</source>
        <translation>B = {b}, 섞음</translation>
    </message>
    <message>
        <source>shuffled</source>
        <translation>섞음</translation>
    </message>
    <message>
        <source>in order</source>
        <translation>차례대로</translation>
    </message>
    <message>
        <source>batch of update {t}: samples {idx} (epoch {e}, batch {i} of {n}, {order})</source>
        <translation>{t}번째 업데이트의 배치: 샘플 {idx} (에포크 {e}, 배치 {n}개 중 {i}번째, {order})</translation>
    </message>
    <message>
        <source> + the penalty&apos;s slope</source>
        <translation> + 패널티 항의 기울기</translation>
    </message>
    <message>
        <source>g = the batch&apos;s slope ∂E_batch/∂{name} = {formula}{penalty} = {g} (B = {b}: used for this step instead of the slope over every sample)</source>
        <translation>g = 배치의 기울기 ∂E_batch/∂{name} = {formula}{penalty} = {g} (B = {b}: 이번 단계는 전체 샘플의 기울기 대신 이 값을 씁니다)</translation>
    </message>
    <message>
        <source>no update: the run ended at k = {k}</source>
        <extracomment>The optimizers written out by a writer of their own: (run, t, j, g, hyper) → lines.</extracomment>
        <translation>업데이트 없음: 실행이 k = {k}에서 끝났습니다</translation>
    </message>
    <message>
        <source>g = the slope above = {g}</source>
        <translation>g = 위의 기울기 = {g}</translation>
    </message>
    <message>
        <source>intercept</source>
        <extracomment>Points at which the slice is sampled. Pixels between the legend and the highest point of the curves below it.</extracomment>
        <translation>절편</translation>
    </message>
    <message>
        <source>The parameter along which the cost is drawn; the others stay at their values in iterate k.</source>
        <translation>비용함수를 그리는 파라미터입니다. 나머지 파라미터는 k번째 반복의 값에 고정됩니다.</translation>
    </message>
    <message>
        <source>cost along</source>
        <translation>비용함수를 그릴 파라미터</translation>
    </message>
    <message>
        <source>Cost along {b} — {cost}</source>
        <extracomment>(run, parameter, iterate) the view was fitted to</extracomment>
        <translation>{b}에 따른 비용함수 — {cost}</translation>
    </message>
    <message>
        <source>cost E along {b}</source>
        <translation>{b}에 따른 비용함수 E</translation>
    </message>
    <message>
        <source>the others at iterate k</source>
        <translation>나머지는 k번째 반복의 값</translation>
    </message>
    <message>
        <source>slope ∂/∂{b}</source>
        <translation>기울기 ∂/∂{b}</translation>
    </message>
    <message>
        <source>exact optimum {b}* = {v}</source>
        <translation>정확한 최적해 {b}* = {v}</translation>
    </message>
    <message>
        <source>{b} = {v}, objective {f}</source>
        <translation>{b} = {v}, 목적함수 {f}</translation>
    </message>
    <message>
        <source>classes {text}: give two different labels separated by a comma, the one that becomes 0 first (e.g. fail,pass)</source>
        <translation>클래스 {text}: 서로 다른 두 레이블을 쉼표로 구분해 적으세요. 0이 될 레이블을 먼저 적습니다(예: fail,pass)</translation>
    </message>
    <message>
        <source>{at} holds {text}, which is neither {zero} (0) nor {one} (1)</source>
        <translation>{at}에 {text}이(가) 있는데, {zero}(0)도 {one}(1)도 아닙니다</translation>
    </message>
    <message>
        <source>cost must be one of {choices}, got {got}</source>
        <translation>비용함수는 {choices} 중 하나여야 합니다. 입력값: {got}</translation>
    </message>
    <message>
        <source>{at} {note}</source>
        <translation>{at}: {note}</translation>
    </message>
    <message>
        <source>{p} features are more than gdapp handles (at most {most})</source>
        <translation>피쳐 {p}개는 gdapp가 다룰 수 있는 수보다 많습니다(최대 {most}개)</translation>
    </message>
    <message>
        <source>a scaling of {n} features for {p} features</source>
        <translation>피쳐는 {p}개인데 표준화 정보는 피쳐 {n}개의 것입니다</translation>
    </message>
    <message>
        <source>this data set has {p} features, not one</source>
        <translation>이 데이터에는 피쳐가 하나가 아니라 {p}개 있습니다</translation>
    </message>
    <message>
        <source>the features must form a table: one row per sample</source>
        <translation>피쳐는 표 형태여야 합니다. 샘플 하나에 한 행입니다</translation>
    </message>
    <message>
        <source>{n} feature names for {p} feature columns</source>
        <translation>피쳐 열은 {p}개인데 피쳐 이름은 {n}개입니다</translation>
    </message>
    <message>
        <source>the compiled kernel cannot compute this run</source>
        <translation>컴파일된 커널로는 이 실행을 계산할 수 없습니다</translation>
    </message>
    <message>
        <source>kernel must be one of {choices}, got {got}</source>
        <translation>커널은 {choices} 중 하나여야 합니다. 입력값: {got}</translation>
    </message>
    <message>
        <source>the start {name} = {value} is too large: a run counts as diverged beyond ±{limit}; start nearer 0</source>
        <translation>시작점 {name} = {value}이(가) 너무 큽니다. ±{limit}을(를) 넘으면 발산으로 봅니다. 0에 더 가까운 곳에서 시작하세요</translation>
    </message>
    <message>
        <source>the objective at the start is too large to compute (not a finite number): try a smaller start, λ or data values</source>
        <translation>시작점에서 목적함수가 너무 커서 계산할 수 없습니다(유한한 수가 아님). 더 작은 시작점, λ 또는 데이터 값을 써 보세요</translation>
    </message>
    <message>
        <source>the degree must be a whole number from 1 to {most}, got {got}</source>
        <translation>차수는 1부터 {most}까지의 정수여야 합니다. 입력값: {got}</translation>
    </message>
    <message>
        <source>polynomial features are made from one feature x; these data have {p} ({names})</source>
        <translation>다항 특성은 피쳐 x 하나로 만듭니다. 이 데이터에는 피쳐가 {p}개 있습니다({names})</translation>
    </message>
    <message>
        <source>make the powers of x before standardizing, not of z-scores</source>
        <translation>z-점수가 아니라 표준화하기 전의 x로 거듭제곱을 만드세요</translation>
    </message>
    <message>
        <source>the test fraction must be between 0 and 1 (a share of the samples), got {got}</source>
        <translation>테스트 비율은 0과 1 사이(샘플 중 몫)여야 합니다. 입력값: {got}</translation>
    </message>
    <message>
        <source>the split seed must be a whole number ≥ 0, got {got}</source>
        <translation>분할 시드는 0 이상의 정수여야 합니다. 입력값: {got}</translation>
    </message>
    <message>
        <source>a test fraction of {f} holds out {test} of the {n} samples, leaving {train} to train on: at least 2 are needed</source>
        <translation>테스트 비율 {f}(으)로는 샘플 {n}개 중 {test}개를 떼어 내어 훈련 샘플이 {train}개만 남습니다. 훈련 샘플은 2개 이상 필요합니다</translation>
    </message>
    <message>
        <source>the test fraction must be a number, got {got}</source>
        <translation>테스트 비율은 숫자여야 합니다. 입력값: {got}</translation>
    </message>
    <message>
        <source>model must be one of {choices}, got {got}</source>
        <translation>모델은 {choices} 중 하나여야 합니다. 입력값: {got}</translation>
    </message>
    <message>
        <source>λ = {lam} is too large to compute the optimum at (its arithmetic overflows): give λ values up to {limit}</source>
        <translation>λ = {lam}은(는) 너무 커서 최적해를 계산할 수 없습니다(계산이 넘칩니다). λ 값은 {limit}까지로 하세요</translation>
    </message>
    <message>
        <source>the regularization path needs a penalty: --penalty l1 or l2</source>
        <translation>규제 경로에는 패널티가 필요합니다: --penalty l1 또는 l2</translation>
    </message>
    <message>
        <source>every slope is 0 at any λ (the target does not vary with the features): there is no path to draw</source>
        <translation>어떤 λ에서도 모든 계수가 0입니다(타깃이 피쳐에 따라 변하지 않습니다). 그릴 규제 경로가 없습니다</translation>
    </message>
    <message>
        <source>give at least one λ</source>
        <translation>λ를 하나 이상 주세요</translation>
    </message>
    <message>
        <source>λ must be a finite number ≥ 0, got {got}</source>
        <translation>λ는 0 이상의 유한한 수여야 합니다. 입력값: {got}</translation>
    </message>
    <message>
        <source>the {model} model takes the cost {costs}, not {cost}</source>
        <translation>{model} 모델의 비용함수는 {cost}이(가) 아니라 {costs}입니다</translation>
    </message>
    <message>
        <source>penalty must be one of {choices}, got {got}</source>
        <translation>규제는 {choices} 중 하나여야 합니다. 입력값: {got}</translation>
    </message>
    <message>
        <source>L1 step must be one of {choices}, got {got}</source>
        <translation>L1 단계는 {choices} 중 하나여야 합니다. 입력값: {got}</translation>
    </message>
    <message>
        <source>the {model} model {formula} takes one feature; these data have {p}</source>
        <translation>{model} 모델 {formula}은(는) 피쳐 하나를 받습니다. 이 데이터에는 피쳐가 {p}개 있습니다</translation>
    </message>
    <message>
        <source>the {model} model {formula} takes {count} feature; these data have {p}</source>
        <translation>{model} 모델 {formula}은(는) 피쳐 {count}개를 받습니다. 이 데이터에는 피쳐가 {p}개 있습니다</translation>
    </message>
    <message>
        <source>the {model} model has {n} parameter(s) ({names}) but the start has {m} value(s)</source>
        <translation>{model} 모델의 파라미터는 {n}개({names})인데 시작점의 값은 {m}개입니다</translation>
    </message>
    <message>
        <source>start {name}</source>
        <extracomment>At most this many start boxes are stacked as they are; more scroll. b1 … bp (the slopes), as many as the largest data set shown so far</extracomment>
        <translation>시작점 {name}</translation>
    </message>
    <message>
        <source>optimizer must be one of {choices}, got {got}</source>
        <translation>옵티마이저는 {choices} 중 하나여야 합니다. 입력값: {got}</translation>
    </message>
    <message>
        <source>schedule must be one of {choices}, got {got}</source>
        <translation>스케줄은 {choices} 중 하나여야 합니다. 입력값: {got}</translation>
    </message>
    <message>
        <source>{label} must be &gt; {above}, got {v}</source>
        <translation>{label}은(는) {above}보다 커야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>the target holds the two labels {a} and {b}, not numbers: state which is 0 and which is 1 (the command line&apos;s --classes {pair} makes {a} 0)</source>
        <translation>타깃 열에 숫자가 아니라 두 레이블 {a}와(과) {b}이(가) 있습니다. 어느 쪽이 0이고 어느 쪽이 1인지 정하세요(명령줄의 --classes {pair}는 {a}을(를) 0으로 만듭니다)</translation>
    </message>
    <message>
        <source>the optimum is not unique: the features {listed} are linearly dependent (one is a combination of the others), so many coefficient sets fit equally well</source>
        <translation>최적해가 하나가 아닙니다. 피쳐 {listed}이(가) 선형 종속이어서(하나가 나머지의 조합입니다) 여러 계수 조합이 똑같이 잘 맞습니다</translation>
    </message>
    <message>
        <source>no closed form: the derivative was bisected to machine precision</source>
        <translation>닫힌 형태의 해가 없습니다. 미분이 0이 되는 곳을 기계 정밀도까지 이분법으로 찾았습니다</translation>
    </message>
    <message>
        <source>the optimum is not unique: feature {name} is constant, so its coefficient does not change the cost</source>
        <translation>최적해가 하나가 아닙니다. 피쳐 {name}이(가) 상수여서 그 계수는 비용을 바꾸지 않습니다</translation>
    </message>
    <message>
        <source>the optimum is not unique: feature {name} is 0 in every sample, so its coefficient does not change the cost</source>
        <translation>최적해가 하나가 아닙니다. 피쳐 {name}이(가) 모든 샘플에서 0이어서 그 계수는 비용을 바꾸지 않습니다</translation>
    </message>
    <message>
        <source>coordinate descent stopped at a KKT gap of {gap} of the penalty that zeroes every coefficient (the features are nearly dependent): close to the optimum, not exact</source>
        <translation>좌표 하강법이 모든 계수를 0으로 만드는 벌점 세기의 {gap}인 KKT 간격에서 멈췄습니다(피쳐들이 거의 종속입니다). 최적해에 가깝지만 정확하지는 않습니다</translation>
    </message>
    <message>
        <source>the gradient check&apos;s h must be a number, got {got}</source>
        <translation>수치 미분 검사의 h는 숫자여야 합니다. 입력값: {got}</translation>
    </message>
    <message>
        <source>the gradient check&apos;s h must be a finite number &gt; 0, got {got}</source>
        <translation>수치 미분 검사의 h는 0보다 큰 유한한 수여야 합니다. 입력값: {got}</translation>
    </message>
    <message>
        <source>not unique: every b1 from {lo} to {hi} gives the same MAE</source>
        <translation>최적해가 하나가 아닙니다. b1이 {lo}부터 {hi}까지 어느 값이든 MAE가 같습니다</translation>
    </message>
    <message>
        <source>h of the gradient check</source>
        <translation>수치 미분 검사의 h</translation>
    </message>
    <message>
        <source>column {i}</source>
        <extracomment>Feature boxes per row of the dialog&apos;s grid.</extracomment>
        <translation>{i}번째 열</translation>
    </message>
    <message>
        <source>Import {name}: choose the columns</source>
        <translation>{name} 가져오기: 열 고르기</translation>
    </message>
    <message>
        <source>{name} has {n} columns. Tick the features (x1, x2, … in this order) and choose the target y.</source>
        <translation>{name}에는 열이 {n}개 있습니다. 피쳐를 체크하고(이 순서대로 x1, x2, …) 타깃 y를 고르세요.</translation>
    </message>
    <message>
        <source>Use column {i} ({name}) as a feature</source>
        <translation>{i}번째 열({name})을 피쳐로 사용</translation>
    </message>
    <message>
        <source>The column the model predicts</source>
        <translation>모델이 예측하는 열</translation>
    </message>
    <message>
        <source>Features:</source>
        <translation>피쳐:</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>타깃:</translation>
    </message>
    <message>
        <source>The first rows of the file</source>
        <translation>파일의 처음 몇 행</translation>
    </message>
    <message>
        <source>First rows:</source>
        <translation>처음 몇 행:</translation>
    </message>
    <message>
        <source>Tick at least one feature.</source>
        <translation>피쳐를 하나 이상 체크하세요.</translation>
    </message>
    <message>
        <source>The target {name} is also ticked as a feature: untick it or choose another target.</source>
        <translation>타깃 {name}이(가) 피쳐로도 체크되어 있습니다. 체크를 해제하거나 다른 타깃을 고르세요.</translation>
    </message>
    <message>
        <source>Settings panel</source>
        <extracomment>The smallest projector classroom mode is designed for, in logical pixels. The middle column&apos;s share of height for the numbers (the rest: the data plot). Lines of the status line and of its warning, each, in classroom mode and out of it. Lines of a scrolling step text in classroom mode. Rows of the grid always in view (under the status and the step&apos;s arithmetic). The most rows of an iterate&apos;s band the grid makes room for (b0 … b9), taking height from the data view; a larger band shows from its top. (Room, not a minimum: a minimum that high grew the window past a 768-pixel screen when the path dock came up.) The regularization path dock&apos;s share of the window&apos;s height (classroom mode, where it takes the data view&apos;s place; else a third).</extracomment>
        <translation>설정 패널</translation>
    </message>
    <message>
        <source>Show or fold away the settings, the compared runs and the data (classroom mode folds them away)</source>
        <translation>설정, 비교할 실행, 데이터를 보이거나 접기 (수업 모드에서는 접힙니다)</translation>
    </message>
    <message>
        <source>{status}: {values}</source>
        <extracomment>A pinned optimum&apos;s star: smaller than this run&apos;s, in the pinned run&apos;s colour. At most this many final parameters are listed for a pinned run (then &quot;…&quot;).</extracomment>
        <translation>{status}: {values}</translation>
    </message>
    <message>
        <source>MAE with an intercept has no closed form (it is a linear programme)</source>
        <translation>절편이 있는 MAE에는 닫힌 형태의 해가 없습니다(선형 계획 문제입니다)</translation>
    </message>
    <message>
        <source>MAE on several features has no closed form (it is a linear programme)</source>
        <translation>피쳐가 여럿인 MAE에는 닫힌 형태의 해가 없습니다(선형 계획 문제입니다)</translation>
    </message>
    <message>
        <source>{cost} with a penalty on several features has no closed form here</source>
        <translation>피쳐가 여럿이고 패널티가 있는 {cost}는 여기서 닫힌 형태의 해가 없습니다</translation>
    </message>
    <message>
        <source>{cost} has no closed form here</source>
        <translation>{cost}는 여기서 닫힌 형태의 해가 없습니다</translation>
    </message>
    <message>
        <source>{cost} on the {model} model is not convex (σ flattens it): no exact optimum is computed; the cross-entropy&apos;s is convex</source>
        <translation>{model} 모델의 {cost}는 볼록하지 않습니다(σ가 평평하게 만듭니다): 정확한 최적해를 계산하지 않습니다. 교차 엔트로피는 볼록합니다</translation>
    </message>
    <message>
        <source>no finite optimum: a line separates the two classes, so the cross-entropy keeps falling as the weights grow (the descent&apos;s weights grow for ever); a penalty (L2 or L1) gives a finite optimum</source>
        <translation>유한한 최적해가 없습니다: 직선 하나가 두 클래스를 나누므로 가중치가 커질수록 교차 엔트로피가 계속 줄어듭니다(경사하강법의 가중치는 끝없이 커집니다). 패널티(L2 또는 L1)를 주면 유한한 최적해가 생깁니다</translation>
    </message>
    <message>
        <source>no finite optimum: every sample is of one class, so b0 (never penalized) grows for ever as the cross-entropy falls toward 0</source>
        <translation>유한한 최적해가 없습니다: 모든 샘플이 한 클래스이므로 교차 엔트로피가 0으로 줄어드는 동안 b0(패널티를 받지 않음)이 끝없이 커집니다</translation>
    </message>
    <message>
        <source>Newton&apos;s method stopped at a gradient of {gap} of its scale: close to the optimum, not exact</source>
        <translation>뉴턴 방법이 기울기의 크기 대비 {gap}에서 멈췄습니다: 최적해에 가깝지만 정확하지는 않습니다</translation>
    </message>
    <message>
        <source>the optimum is not unique: features that the penalty keeps are linearly dependent (a copy or a combination of others)</source>
        <translation>최적해가 하나가 아닙니다. 패널티가 남기는 피쳐들이 선형 종속입니다(다른 피쳐의 복사본이거나 조합입니다)</translation>
    </message>
    <message>
        <source>the optimum is undefined: all x are 0, so every b1 gives the same cost</source>
        <translation>최적해가 정해지지 않습니다. x가 모두 0이라 어떤 b1이든 비용이 같습니다</translation>
    </message>
    <message>
        <source>the optimum is not unique: all x are {c}, so the cost depends on b0 + {c}·b1 only, and every (b0, b1) with b0 + {c}·b1 = mean(y) fits equally well</source>
        <translation>최적해가 하나가 아닙니다. x가 모두 {c}라서 비용은 b0 + {c}·b1에만 달려 있고, b0 + {c}·b1 = mean(y)인 모든 (b0, b1)이 똑같이 잘 맞습니다</translation>
    </message>
    <message>
        <source>no valley of the cost on b1 from {lo} to {hi}</source>
        <translation>b1이 {lo}부터 {hi}까지인 범위에 비용함수의 골짜기가 없습니다</translation>
    </message>
    <message>
        <source>the file is empty: no samples found</source>
        <translation>파일이 비어 있습니다. 샘플이 없습니다</translation>
    </message>
    <message>
        <source>the file has one column: two are needed (x and y)</source>
        <translation>파일에 열이 하나뿐입니다. 두 열(x와 y)이 필요합니다</translation>
    </message>
    <message>
        <source>no feature column chosen: name at least one x column</source>
        <translation>고른 피쳐 열이 없습니다. x 열을 하나 이상 고르세요</translation>
    </message>
    <message>
        <source>the file has a header but no samples under it</source>
        <translation>파일에 머리글은 있지만 그 아래에 샘플이 없습니다</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}: 그런 파일이 없습니다</translation>
    </message>
    <message>
        <source>{path} is a folder, not a CSV file</source>
        <translation>{path}은(는) CSV 파일이 아니라 폴더입니다</translation>
    </message>
    <message>
        <source>no normal equation here: the cost has {n} valleys on b1 from {lo} to {hi} (found by dense search); plain gradient descent ends in the one it starts in</source>
        <translation>여기에는 정규방정식이 없습니다. 비용함수는 b1이 {lo}부터 {hi}까지인 범위에 골짜기가 {n}개 있고(촘촘한 탐색으로 찾음), 경사하강법은 시작한 골짜기에서 끝납니다</translation>
    </message>
    <message>
        <source>gd</source>
        <translation>경사하강법</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>nesterov</source>
        <translation>네스테로프 모멘텀</translation>
    </message>
    <message>
        <source>adagrad</source>
        <translation>AdaGrad</translation>
    </message>
    <message>
        <source>rmsprop</source>
        <translation>RMSProp</translation>
    </message>
    <message>
        <source>adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>고정</translation>
    </message>
    <message>
        <source>step</source>
        <translation>계단식 감소</translation>
    </message>
    <message>
        <source>exponential</source>
        <translation>지수 감소</translation>
    </message>
    <message>
        <source>invscaling</source>
        <translation>역스케일링</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>코사인</translation>
    </message>
    <message>
        <source>10. Five features and the L1 path</source>
        <extracomment>The standardizing scene&apos;s run: scene 10&apos;s features as z-scores, L1 λ = 2, η = 0.1.</extracomment>
        <translation>10. 피쳐 다섯 개와 L1 규제 경로</translation>
    </message>
    <message>
        <source>Thirty students and five features: study hours, sleep hours, coffee cups, shoe size and the day of the month — the last two cannot matter. With L1 λ = 2 the exact optimum sets their coefficients b4 and b5 to exactly 0 (Adam at η = 0.5 ends within 0.02 of them). The regularization path below draws each coefficient against λ: as λ grows the useless features leave first — the day of the month from λ ≈ 0.31, the shoe size from 0.83 — then coffee (10.4), sleep (15.9) and study hours last (99.6). L2&apos;s coefficients only shrink.</source>
        <translation>학생 서른 명과 피쳐 다섯 개: 공부 시간, 수면 시간, 커피 잔 수, 신발 크기, 날짜입니다. 마지막 두 피쳐는 점수와 상관이 있을 수 없습니다. L1 λ = 2에서 정확한 최적해는 이 두 피쳐의 계수 b4와 b5를 정확히 0으로 만듭니다(η = 0.5의 Adam은 0.02 이내까지 다가갑니다). 아래의 규제 경로는 λ에 따른 각 계수를 그립니다. λ가 커지면 쓸모없는 피쳐가 먼저 빠집니다. 날짜는 λ ≈ 0.31부터, 신발 크기는 0.83부터이고, 그다음 커피(10.4), 수면(15.9), 마지막으로 공부 시간(99.6)입니다. L2의 계수는 줄어들기만 합니다.</translation>
    </message>
    <message>
        <source>11. The optimizers on one cost</source>
        <translation>11. 한 비용함수 위의 옵티마이저들</translation>
    </message>
    <message>
        <source>The line ŷ = b0 + b1·x on the note&apos;s samples: the cost over (b0, b1) is a long, narrow valley. Plain gradient descent (pinned, η = 0.1, under its limit 0.29) slides straight down to the valley floor, then creeps along it and needs 1209 updates; momentum (pinned, η = 0.05) overshoots and swings across the valley, but gathers speed along its floor and needs 413; Adam (η = 0.5) rescales each coordinate by its own gradients and needs 936. Step with Space: the step text writes out Adam&apos;s m, v, m̂ and v̂.</source>
        <translation>강의 노트의 샘플에 직선 ŷ = b0 + b1·x를 맞추면 (b0, b1) 위의 비용함수는 길고 좁은 골짜기입니다. 보통의 경사하강법(고정, η = 0.1, 안정 한계 0.29 아래)은 골짜기 바닥까지 곧장 미끄러져 내려간 뒤 바닥을 따라 천천히 기어가 1209번 업데이트가 필요하고, 모멘텀(고정, η = 0.05)은 골짜기를 가로질러 이리저리 흔들리지만 바닥을 따라 속도가 붙어 413번이면 되며, Adam(η = 0.5)은 좌표마다 자신의 기울기로 크기를 바꾸어 936번이 필요합니다. Space로 한 단계씩 가 보세요. 단계 설명에 Adam의 m, v, m̂, v̂가 숫자로 적힙니다.</translation>
    </message>
    <message>
        <source>12. Mini-batches: a noisy descent</source>
        <translation>12. 미니배치: 흔들리는 하강</translation>
    </message>
    <message>
        <source>With batch size B = 1 each update takes the gradient of one sample, in a new order every epoch: (1, 2) alone pulls b1 toward 2, (2, 6) alone toward 3. So the path jitters, and the run settles near 2.8 but not on it: it stops at 2.867 when 5 epochs bring no improvement. Pinned: every sample at the same η = 0.05, straight to 2.8. The step text names the sample that made each gradient.</source>
        <translation>배치 크기 B = 1이면 업데이트마다 샘플 하나의 기울기를 쓰고, 에포크마다 순서를 새로 섞습니다. (1, 2)만 보면 b1은 2 쪽으로, (2, 6)만 보면 3 쪽으로 끌려갑니다. 그래서 경로가 흔들리고, 실행은 2.8 근처에 머물지만 정확히 2.8에는 닿지 않습니다. 5 에포크 동안 나아지지 않으면 2.867에서 멈춥니다. 고정한 실행: 같은 η = 0.05로 모든 샘플을 쓰면 곧장 2.8로 갑니다. 단계 설명에 각 기울기를 만든 샘플이 적힙니다.</translation>
    </message>
    <message>
        <source>13. A schedule rescues η = 0.41</source>
        <translation>13. 학습률 스케줄이 η = 0.41을 살린다</translation>
    </message>
    <message>
        <source>Scene 6&apos;s η = 0.41 diverges. With the exponential schedule η_k = 0.41 × 0.95^(k − 1) the learning rate shrinks at every update: from the second update on it is below the limit 0.4 (0.41 × 0.95 = 0.3895), and the descent converges, in 17 updates. The step text writes η_k out with its numbers.</source>
        <translation>장면 6의 η = 0.41은 발산합니다. 지수 감소 스케줄 η_k = 0.41 × 0.95^(k − 1)을 쓰면 학습률이 업데이트마다 줄어듭니다. 두 번째 업데이트부터는 안정 한계 0.4보다 작아지고(0.41 × 0.95 = 0.3895), 하강은 17번의 업데이트로 수렴합니다. 단계 설명에 η_k가 숫자로 적힙니다.</translation>
    </message>
    <message>
        <source>14. Checking the gradient</source>
        <translation>14. 기울기 수치 미분 검사</translation>
    </message>
    <message>
        <source>Run ▸ Check the gradient puts beside each slope ∂(E+P)/∂b1 the central difference (F(b1 + s) − F(b1 − s))/(2s) of the objective F = E + λ·|b1|, s = h·max(1, |b1|), here h = 0.1. At the start the formula&apos;s 5 × 15 − 14 + 15 = 76 and the central difference agree to every digit (relative difference 2e-16): where the two agree to many digits, the gradient is right. At k = 77 the plain subgradient step has brought b1 to 0.0928, within s of the kink of |b1| at 0: the difference straddles the kink and gives 0.383, the formula 1.464. They differ because |b1| has no slope at 0, not because the gradient is wrong (at b1 = 0 exactly both take sign(0) = 0).</source>
        <translation>실행 ▸ 기울기 수치 미분 검사를 켜면 각 기울기 ∂(E+P)/∂b1 옆에 목적함수 F = E + λ·|b1|의 중앙 차분 (F(b1 + s) − F(b1 − s))/(2s), s = h·max(1, |b1|)이 나옵니다 (여기서는 h = 0.1). 시작점에서 식으로 구한 5 × 15 − 14 + 15 = 76과 중앙 차분은 모든 자리가 같습니다 (상대 차이 2e-16): 두 값이 여러 자리까지 같으면 기울기(미분)가 맞습니다. k = 77에서는 단순한 부분기울기(subgradient) 업데이트로 b1이 0.0928이 되어, |b1|이 꺾이는 점 0에서 s 안쪽에 있습니다: 중앙 차분은 꺾인 점을 가로질러 0.383을, 식은 1.464를 줍니다. 두 값이 다른 것은 |b1|이 0에서 기울기가 없기 때문이지 기울기가 틀려서가 아닙니다 (b1 = 0에서는 둘 다 sign(0) = 0을 씁니다).</translation>
    </message>
    <message>
        <source>15. Standardizing the features</source>
        <translation>15. 피쳐 표준화</translation>
    </message>
    <message>
        <source>Scene 10&apos;s features in their own units: shoe sizes near 26.4 cm, days 1 to 28, coffee 0 to 4 cups. Plain descent (L1 λ = 2, η = 0.0009, under the stability limit 0.00094) stops at the maximum of 10,000 updates, 41.6 from the exact optimum: b0 is 2.13 instead of 43.72, and the shoe size stands in for the intercept (b4 = 1.61, times 26.4 cm ≈ 42.4). The largest feature sets η&apos;s limit; at that η the intercept crawls. “Standardize the features” makes each z = (x − mean)/sd: the limit grows to 0.65, and at η = 0.1 the descent converges in 109 updates. In the original units (the status line): 4.63 points per study hour, 2.73 per hour of sleep, −1.69 per cup of coffee, 0 for shoe size and day — a little off the raw optimum (b1 = 4.84), since λ now weighs every feature alike.</source>
        <translation>10번 장면의 피쳐를 원래 단위로: 신발 크기는 평균 26.4 cm, 날짜는 1에서 28, 커피는 0에서 4잔입니다. 이대로 경사하강법을 하면 (L1 λ = 2, η = 0.0009, 안정 한계 0.00094 바로 아래) 최대 반복 횟수 10,000번에서 멈추고 정확한 최적해에서 41.6 떨어져 있습니다: b0는 43.72가 아니라 2.13이고, 절편을 신발 크기가 대신합니다 (b4 = 1.61, 26.4 cm를 곱하면 ≈ 42.4). 가장 큰 피쳐가 η의 한계를 정하고, 그 η에서 절편은 아주 느리게 움직입니다. “피쳐 표준화”는 각 피쳐를 z = (x − 평균)/표준편차로 바꿉니다: 한계는 0.65로 커지고, η = 0.1에서 109번 업데이트 만에 수렴합니다. 원래 단위의 계수(상태 표시줄): 공부 한 시간에 4.63점, 수면 한 시간에 2.73점, 커피 한 잔에 −1.69점, 신발 크기와 날짜는 0 — λ가 이제 모든 피쳐를 똑같이 다루므로 원래 피쳐의 최적해(b1 = 4.84)와 조금 다릅니다.</translation>
    </message>
    <message>
        <source>The note: one feature, one learning rate, L1 and L2</source>
        <translation>강의 노트: 피쳐 하나, 학습률, L1과 L2</translation>
    </message>
    <message>
        <source>After the note: features, optimizers, mini-batches, schedules</source>
        <translation>강의 노트 다음: 피쳐 여럿, 옵티마이저, 미니배치, 스케줄</translation>
    </message>
    <message>
        <source>Classification: logistic regression</source>
        <translation>분류: 로지스틱 회귀</translation>
    </message>
    <message>
        <source>Overfitting: polynomial features and held-out samples</source>
        <translation>과적합: 다항 특성과 테스트 샘플</translation>
    </message>
    <message>
        <source>{n}. Classes: the decision boundary</source>
        <translation>{n}. 클래스: 결정 경계</translation>
    </message>
    <message>
        <source>Forty students, their hours of study and of sleep, and whether they passed (1) or not (0). Logistic regression gives the probability of passing, p = σ(b0 + b1·x1 + b2·x2) with the sigmoid σ(z) = 1/(1 + e^(−z)), and predicts a pass where p ≥ 0.5: on one side of the decision boundary b0 + b1·x1 + b2·x2 = 0. At k = 0 every b is 0, so p = 0.5 for all and every student is predicted to pass: the accuracy is 25 of 40, 62.5 %. Step with Space and watch the boundary turn into place: 77.5 % after 200 updates, 87.5 % after 1,000. Rings mark the students iterate k gets wrong.</source>
        <translation>학생 40명의 공부 시간과 수면 시간, 그리고 합격(1)했는지 불합격(0)했는지. 로지스틱 회귀는 합격할 확률 p = σ(b0 + b1·x1 + b2·x2)를 시그모이드 σ(z) = 1/(1 + e^(−z))로 구하고, p ≥ 0.5인 곳, 곧 결정 경계 b0 + b1·x1 + b2·x2 = 0의 한쪽을 합격으로 예측합니다. k = 0에서는 모든 b가 0이라 누구에게나 p = 0.5이고 모든 학생이 합격으로 예측됩니다: 정확도는 40명 중 25명, 62.5 %. Space로 한 단계씩 진행하며 경계가 제자리를 찾아 움직이는 모습을 보세요: 업데이트 200번 뒤 77.5 %, 1,000번 뒤 87.5 %. 동그라미는 k번째 반복이 틀리게 예측한 학생입니다.</translation>
    </message>
    <message>
        <source>{n}. Why cross-entropy, not MSE</source>
        <translation>{n}. 왜 MSE가 아니라 교차 엔트로피인가</translation>
    </message>
    <message>
        <source>One feature, study hours, and a badly wrong start: b0 = 6, b1 = −3 says whoever studies more fails (accuracy 27.5 %). With MSE on the probability, E = (1/n)·Σ (y − p)², the slope carries a factor p·(1 − p), nearly 0 where σ is flat — where the model is most sure and most wrong. At the start ∂E/∂b1 is only 0.044, and it points the wrong way: after 2,000 updates at η = 0.5, b1 = −6.16 (accuracy 37.5 %); MSE on σ is not convex. Cross-entropy (pinned), E = −(1/n)·Σ [y·ln p + (1 − y)·ln(1 − p)], has the slope (1/n)·Σ (p − y)·x, no p·(1 − p): −3.13 at the same start, and it reaches b0 = −4.14, b1 = 1.19 (80 %). Switch Cost to compare the two cost maps.</source>
        <translation>피쳐는 공부 시간 하나, 시작점은 크게 틀린 곳: b0 = 6, b1 = −3은 공부를 많이 할수록 불합격한다고 말합니다 (정확도 27.5 %). 확률에 MSE, E = (1/n)·Σ (y − p)²를 쓰면 기울기에 p·(1 − p)가 곱해지는데, σ가 평평한 곳 — 모델이 가장 확신하면서 가장 틀린 곳 — 에서 거의 0입니다. 시작점에서 ∂E/∂b1은 0.044뿐이고 방향마저 틀립니다: η = 0.5로 2,000번 업데이트한 뒤 b1 = −6.16 (정확도 37.5 %); σ에 쓴 MSE는 볼록하지(convex) 않습니다. 교차 엔트로피(고정된 실행), E = −(1/n)·Σ [y·ln p + (1 − y)·ln(1 − p)]의 기울기는 (1/n)·Σ (p − y)·x로 p·(1 − p)가 없습니다: 같은 시작점에서 −3.13이고, b0 = −4.14, b1 = 1.19 (80 %)에 이릅니다. 비용함수를 바꿔 두 비용 지도를 비교해 보세요.</translation>
    </message>
    <message>
        <source>{y} = 0 ({n})</source>
        <extracomment>Class 0 and class 1: colour (ColorBrewer&apos;s Dark2, safe for colour-blind readers) and shape. The share of the view&apos;s height kept free above the samples for the legend (at least). At most this many samples are drawn (an even stride through the rest). Points along the S-curve.</extracomment>
        <translation>{y} = 0 ({n})</translation>
    </message>
    <message>
        <source>{y} = 1 ({n})</source>
        <translation>{y} = 1 ({n})</translation>
    </message>
    <message>
        <source>p = probability that {y} = 1</source>
        <translation>p = {y} = 1일 확률</translation>
    </message>
    <message>
        <source>p = 0.5: the boundary x = −b0/b1</source>
        <translation>p = 0.5: 결정 경계 x = −b0/b1</translation>
    </message>
    <message>
        <source>S-curve at k</source>
        <translation>k번째 반복의 S자 곡선</translation>
    </message>
    <message>
        <source>S-curve p = σ(b0 + b1·x) of iterate k</source>
        <translation>k번째 반복의 S자 곡선 p = σ(b0 + b1·x)</translation>
    </message>
    <message>
        <source>Decision boundary at k</source>
        <translation>k번째 반복의 결정 경계</translation>
    </message>
    <message>
        <source>p at k for every sample, by class</source>
        <translation>샘플별 k번째 반복의 p (클래스별)</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>샘플</translation>
    </message>
    <message>
        <source>p = 0.5: the class changes</source>
        <translation>p = 0.5: 클래스가 바뀌는 곳</translation>
    </message>
    <message>
        <source>wrong at k</source>
        <translation>k에서 틀린 예측</translation>
    </message>
    <message>
        <source>{m} of {n} samples drawn</source>
        <translation>샘플 {n}개 중 {m}개를 그렸습니다</translation>
    </message>
    <message>
        <source>No boundary at this k: with b1 = b2 = 0 every sample has the same p = σ(b0) = {p}, so all are put in class {c}.</source>
        <translation>이 k에서는 결정 경계가 없습니다: b1 = b2 = 0이면 모든 샘플의 p = σ(b0) = {p}로 같아 모두 클래스 {c}로 예측됩니다.</translation>
    </message>
    <message>
        <source>← The boundary of this k lies left of the view.</source>
        <translation>← 이 k의 결정 경계는 보이는 범위의 왼쪽 밖에 있습니다.</translation>
    </message>
    <message>
        <source>The boundary of this k lies right of the view. →</source>
        <translation>이 k의 결정 경계는 보이는 범위의 오른쪽 밖에 있습니다. →</translation>
    </message>
    <message>
        <source>↓ The boundary of this k lies below the view.</source>
        <translation>↓ 이 k의 결정 경계는 보이는 범위의 아래쪽 밖에 있습니다.</translation>
    </message>
    <message>
        <source>↑ The boundary of this k lies above the view.</source>
        <translation>↑ 이 k의 결정 경계는 보이는 범위의 위쪽 밖에 있습니다.</translation>
    </message>
    <message>
        <source>The prediction:</source>
        <translation>예측:</translation>
    </message>
    <message>
        <source>How the error E is measured:</source>
        <translation>오차 E를 재는 방법:</translation>
    </message>
    <message>
        <source>Polynomial features: x, x², …, x^D become b1 … bD, so the model draws a curve of degree D through the samples (1: the straight line).</source>
        <extracomment>The test fraction box&apos;s range and arrow step (0: no sample held out).</extracomment>
        <translation>다항 특성: x, x², …, x^D가 b1 … bD가 되어, 모델이 샘플 사이로 D차 곡선을 그립니다 (1: 직선).</translation>
    </message>
    <message>
        <source>Hold out this share of the samples as test data: the descent and the exact optimum use the rest (the training data), and the cost on the held-out ones is the test cost. 0: every sample trains.</source>
        <translation>샘플 중 이 비율을 테스트 데이터로 떼어 둡니다: 경사하강법과 정확한 최적해는 나머지(훈련 데이터)만 쓰고, 떼어 둔 샘플에서의 비용이 테스트 비용입니다. 0: 모든 샘플로 훈련합니다.</translation>
    </message>
    <message>
        <source>Which samples are held out: the same seed always holds out the same ones.</source>
        <translation>어느 샘플을 떼어 둘지 정합니다: 같은 시드는 언제나 같은 샘플을 떼어 둡니다.</translation>
    </message>
    <message>
        <source>Standardize each feature with the training samples&apos; mean and sd, z = (x − mean)/sd (through the origin: z = x/√mean(x²)), so that features on different scales descend at one η; the status line gives the coefficients in the original units too. Unchecked: the samples as loaded.</source>
        <translation>각 피쳐를 훈련 데이터의 평균과 표준편차로 표준화합니다: z = (x − 평균)/표준편차 (원점을 지나는 모델은 z = x/√mean(x²)). 단위가 서로 다른 피쳐도 하나의 η로 내려갈 수 있습니다. 상태 표시줄에는 원래 단위로 환산한 계수도 나옵니다. 체크를 풀면 불러온 샘플 그대로입니다.</translation>
    </message>
    <message>
        <source>0 (none)</source>
        <translation>0 (없음)</translation>
    </message>
    <message>
        <source>Standardize the features</source>
        <translation>피쳐 표준화</translation>
    </message>
    <message>
        <source>Polynomial degree</source>
        <translation>다항 차수</translation>
    </message>
    <message>
        <source>Test fraction</source>
        <translation>테스트 비율</translation>
    </message>
    <message>
        <source>Split seed</source>
        <translation>분할 시드</translation>
    </message>
    <message>
        <source>Polynomial features are made from one feature x; these data have {p}.</source>
        <translation>다항 특성은 피쳐 x 하나로 만듭니다. 이 데이터의 피쳐 수는 {p}개입니다.</translation>
    </message>
    <message>
        <source>{n}. Degree 1: a line underfits</source>
        <extracomment>The scenes&apos; split and descent. The λ of the last scene: the validation curve&apos;s best λ, rounded.</extracomment>
        <translation>{n}. 차수 1: 직선은 과소적합</translation>
    </message>
    <message>
        <source>New data: 15 noisy samples of one period of a sine. 4 of them (orange diamonds) are held out as test data: the descent never sees them, and the cost on them, the test cost, tells how the model does on data it has not seen. A straight line cannot follow the wave: after 250 updates the training cost is 0.181 and the test cost 0.064, both high. The model is too simple: it underfits.</source>
        <translation>새 데이터: 사인 함수 한 주기에 잡음을 더한 샘플 15개입니다. 그중 4개(주황색 마름모)는 테스트 데이터로 떼어 둡니다. 경사하강법은 이 샘플을 보지 않으며, 이 샘플에서의 비용인 테스트 비용이 처음 보는 데이터에서 모델이 얼마나 잘 맞는지 알려 줍니다. 직선은 물결을 따라갈 수 없습니다: 250번 업데이트한 뒤 훈련 비용은 0.181, 테스트 비용은 0.064로 둘 다 높습니다. 모델이 너무 단순합니다: 과소적합입니다.</translation>
    </message>
    <message>
        <source>{n}. Degree 3: a cubic fits</source>
        <translation>{n}. 차수 3: 3차 곡선이 잘 맞음</translation>
    </message>
    <message>
        <source>Polynomial degree 3 makes x, x² and x³ the features b1, b2, b3: the model is a curve. It follows the wave: the training cost falls to 0.050 and the test cost to 0.0099. The powers of x are nearly alike, so the descent is slow: it converges only after 135,277 updates.</source>
        <translation>다항 차수 3은 x, x², x³을 b1, b2, b3의 피쳐로 만듭니다: 모델은 곡선입니다. 곡선이 물결을 따라가서 훈련 비용은 0.050, 테스트 비용은 0.0099까지 내려갑니다. x의 거듭제곱들은 서로 비슷하므로 경사하강법이 느립니다: 135,277번 업데이트한 뒤에야 수렴합니다.</translation>
    </message>
    <message>
        <source>{n}. Degree 9: overfitting</source>
        <translation>{n}. 차수 9: 과적합</translation>
    </message>
    <message>
        <source>Degree 9 has 10 parameters for 11 training samples. The exact optimum (dashed) bends through almost every training sample — training cost 0.0012 — with coefficients in the millions, and swings far from the held-out ones: its test cost is 1.15. The descent heads there: after 200,000 updates its training cost is 0.0135 and still falling, while its test cost, lowest (0.0080) at k = 252, has risen to 0.110 (the dashed curve of the objective plot). Fitting the training data ever better made the model worse on new data: that is overfitting.</source>
        <translation>차수 9는 훈련 샘플 11개에 파라미터가 10개입니다. 정확한 최적해(점선)는 수백만에 이르는 계수로 거의 모든 훈련 샘플을 지나도록 휘어지고(훈련 비용 0.0012), 테스트 샘플에서는 크게 벗어납니다: 테스트 비용이 1.15입니다. 경사하강법은 그쪽으로 갑니다: 200,000번 업데이트한 뒤 훈련 비용은 0.0135로 아직 내려가는 중이지만, 테스트 비용은 k = 252에서 가장 낮았다가(0.0080) 0.110까지 올라갔습니다(목적함수 그래프의 점선). 훈련 데이터에 점점 더 잘 맞출수록 새 데이터에서는 더 나빠졌습니다: 이것이 과적합입니다.</translation>
    </message>
    <message>
        <source>{n}. λ brings the test error down</source>
        <translation>{n}. λ가 테스트 오차를 낮춘다</translation>
    </message>
    <message>
        <source>The note: without a penalty, large coefficients make the model overfit; the penalty makes it robust. With the L2 penalty at λ = 0.0019 the coefficients stay below 2.5, the descent converges after 4,873 updates, and the test cost is 0.0114 — ten times lower than without it — while the training cost rises to 0.060. The validation curve below draws both costs against λ: the test cost is lowest at the green star, and rises again when λ flattens the model. Click the curve to try another λ.</source>
        <translation>강의 노트: 패널티가 없으면 큰 계수 때문에 모델이 과적합되고, 패널티는 모델을 강건하게 만듭니다. L2 규제 λ = 0.0019에서는 계수가 2.5 아래에 머물고, 경사하강법은 4,873번 업데이트한 뒤 수렴하며, 테스트 비용은 0.0114로 패널티가 없을 때보다 10배 낮습니다. 훈련 비용은 0.060으로 올라갑니다. 아래의 검증 곡선은 두 비용을 λ에 대해 그립니다: 테스트 비용은 초록색 별에서 가장 낮고, λ가 모델을 너무 평평하게 만들면 다시 올라갑니다. 곡선을 클릭해 다른 λ를 시험해 보세요.</translation>
    </message>
    <message>
        <source>Data and the polynomial of degree {d} at k</source>
        <extracomment>The curve is drawn through this many x across the view.</extracomment>
        <translation>데이터와 k번째 반복의 {d}차 다항식</translation>
    </message>
    <message>
        <source>Data and the line at k</source>
        <translation>데이터와 k번째 반복의 직선</translation>
    </message>
    <message>
        <source>training ({n})</source>
        <translation>훈련 ({n}개)</translation>
    </message>
    <message>
        <source>training samples ({n})</source>
        <translation>훈련 샘플 ({n}개)</translation>
    </message>
    <message>
        <source>held-out ({n})</source>
        <translation>테스트 ({n}개)</translation>
    </message>
    <message>
        <source>held-out samples ({n})</source>
        <translation>테스트 샘플 ({n}개)</translation>
    </message>
    <message>
        <source>curve at k</source>
        <translation>k번째 곡선</translation>
    </message>
    <message>
        <source>optimum</source>
        <translation>최적해</translation>
    </message>
    <message>
        <source>exact optimum</source>
        <translation>정확한 최적해</translation>
    </message>
    <message>
        <source>The descent uses the training samples only; the held-out ones measure the test cost.</source>
        <translation>경사하강법은 훈련 샘플만 씁니다. 테스트 샘플로는 테스트 비용을 잽니다.</translation>
    </message>
    <message>
        <source> and test cost</source>
        <translation> 및 테스트 비용</translation>
    </message>
    <message>
        <source>test cost {value}, training cost {train}</source>
        <translation>테스트 비용 {value}, 훈련 비용 {train}</translation>
    </message>
    <message>
        <source>test cost {value} (training cost {train}, {n} held-out samples)</source>
        <translation>테스트 비용 {value} (훈련 비용 {train}, 테스트 샘플 {n}개)</translation>
    </message>
    <message>
        <source>test cost at k = {k}: {value} (training cost {train}, {n} held-out samples)</source>
        <translation>k = {k}에서 테스트 비용: {value} (훈련 비용 {train}, 테스트 샘플 {n}개)</translation>
    </message>
    <message>
        <source>MSE (no penalty)</source>
        <translation>MSE (패널티 제외)</translation>
    </message>
    <message>
        <source>training cost</source>
        <translation>훈련 비용</translation>
    </message>
    <message>
        <source>Click to set λ there</source>
        <translation>클릭하면 그 λ로 설정합니다</translation>
    </message>
    <message>
        <source>best λ = {lam}</source>
        <translation>최적 λ = {lam}</translation>
    </message>
    <message>
        <source>Validation curve ({penalty})</source>
        <translation>검증 곡선 ({penalty})</translation>
    </message>
    <message>
        <source>{title} · ★ {best}</source>
        <translation>{title} · ★ {best}</translation>
    </message>
    <message>
        <source>≈ ∂/∂{name}</source>
        <translation>≈ ∂/∂{name}</translation>
    </message>
    <message>
        <source>central difference (E({name} + s) − E({name} − s))/(2s), s = h·max(1, |{name}|): ≈ ∂/∂{name} beside it</source>
        <translation>중앙 차분 (E({name} + s) − E({name} − s))/(2s), s = h·max(1, |{name}|): 옆 열의 ∂/∂{name} 와 거의 같아야 한다</translation>
    </message>
    <message>
        <source>check: central difference ({f}({name} + s) − {f}({name} − s))/(2s) = {cd}, s = {s}; analytic slope {g}; relative difference {d}</source>
        <translation>검사: 중앙 차분 ({f}({name} + s) − {f}({name} − s))/(2s) = {cd}, s = {s}; 해석적 기울기 {g}; 상대 차이 {d}</translation>
    </message>
    <message>
        <source>Check the gradient</source>
        <translation>기울기 수치 미분 검사</translation>
    </message>
    <message>
        <source>Beside each gradient, the central difference (F(b + s) − F(b − s))/(2s), s = h·max(1, |b|), h = {h}: where they agree to many digits, the gradient is right</source>
        <translation>각 기울기 옆에 중앙 차분 (F(b + s) − F(b − s))/(2s), s = h·max(1, |b|), h = {h} 을 보여 준다. 여러 자리까지 같으면 기울기가 맞다</translation>
    </message>
    <message>
        <source>{name} has no worksheet</source>
        <translation>{name}에 워크시트가 없습니다</translation>
    </message>
    <message>
        <source>{name} has no sheet named {sheet}; sheets: {known}</source>
        <translation>{name}에 {sheet}(이)라는 시트가 없습니다. 시트: {known}</translation>
    </message>
    <message>
        <source>{name} is damaged and cannot be read ({why})</source>
        <translation>{name}이(가) 손상되어 읽을 수 없습니다({why})</translation>
    </message>
    <message>
        <source>{name}: the sheet has more than {n} rows</source>
        <translation>{name}: 시트의 행이 {n}개보다 많습니다</translation>
    </message>
    <message>
        <source>{path}: cannot create the folder ({reason})</source>
        <translation>{path}: 폴더를 만들 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>could not write {what} in the folder {folder} ({reason})</source>
        <translation>폴더 {folder}에 {what}을(를) 쓰지 못했습니다({reason})</translation>
    </message>
    <message>
        <source>could not write {what}: the folder {folder} is full ({reason}); free some space there, or set TMPDIR to a folder with room</source>
        <translation>{what}을(를) 쓰지 못했습니다. 폴더 {folder}이(가) 가득 찼습니다({reason}). 그곳의 공간을 비우거나 TMPDIR을 여유 있는 폴더로 지정하세요</translation>
    </message>
    <message>
        <source>the run has {m} iterates but a sheet holds at most {most} (use at most {iters} iterations)</source>
        <translation>이 실행의 반복 값은 {m}개인데 시트 하나에는 {most}개까지만 들어갑니다(최대 반복 횟수를 {iters} 이하로 하세요)</translation>
    </message>
    <message>
        <source>the data has {n} samples but a sheet holds at most {most}</source>
        <translation>데이터의 샘플은 {n}개인데 시트 하나에는 {most}개까지만 들어갑니다</translation>
    </message>
    <message>
        <source>the workbook&apos;s sheets</source>
        <translation>통합 문서의 시트</translation>
    </message>
    <message>
        <source>fetches a web address</source>
        <translation>웹 주소에서 내용을 가져옵니다</translation>
    </message>
    <message>
        <source>reads fetched XML</source>
        <translation>가져온 XML을 읽습니다</translation>
    </message>
    <message>
        <source>talks to another program</source>
        <translation>다른 프로그램과 통신합니다</translation>
    </message>
    <message>
        <source>refers to cells named by text, out of sight of a check</source>
        <translation>텍스트로 이름 붙인 셀을 참조해 검사에서 보이지 않습니다</translation>
    </message>
    <message>
        <source>opens a link</source>
        <translation>링크를 엽니다</translation>
    </message>
    <message>
        <source>calls a program library</source>
        <translation>프로그램 라이브러리를 호출합니다</translation>
    </message>
    <message>
        <source>runs a program</source>
        <translation>프로그램을 실행합니다</translation>
    </message>
    <message>
        <source>fetches a picture from a web address</source>
        <translation>웹 주소에서 그림을 가져옵니다</translation>
    </message>
    <message>
        <source>{name} is refused: it {what} ({where}); gdapp never writes that, and a spreadsheet program could act on it</source>
        <translation>{name}은(는) 거부되었습니다. 이 파일은 {what}({where}). gdapp는 이런 내용을 쓰지 않으며, 스프레드시트 프로그램이 이를 실행할 수 있습니다</translation>
    </message>
    <message>
        <source>holds macros</source>
        <translation>매크로를 담고 있습니다</translation>
    </message>
    <message>
        <source>links to data in another file or program</source>
        <translation>다른 파일이나 프로그램의 데이터에 연결됩니다</translation>
    </message>
    <message>
        <source>embeds an object or control of another program</source>
        <translation>다른 프로그램의 개체나 컨트롤을 포함합니다</translation>
    </message>
    <message>
        <source>holds a connection to an outside data source</source>
        <translation>외부 데이터 원본과의 연결을 담고 있습니다</translation>
    </message>
    <message>
        <source>holds a picture</source>
        <translation>그림을 담고 있습니다</translation>
    </message>
    <message>
        <source>has a formula calling {function}, which {does}</source>
        <translation>{function} 함수를 호출하는 수식이 있습니다. 이 함수는 {does}</translation>
    </message>
    <message>
        <source>has a formula that refers outside the workbook, ={formula}</source>
        <translation>통합 문서 바깥을 참조하는 수식 ={formula}이(가) 있습니다</translation>
    </message>
    <message>
        <source>of type {kind}</source>
        <translation>(형식 {kind})</translation>
    </message>
    <message>
        <source>of no declared type</source>
        <translation>(형식이 선언되지 않음)</translation>
    </message>
    <message>
        <source>{name} has a part {part} {kind}, which gdapp does not write, so its verdict could not cover it</source>
        <translation>{name}에 gdapp가 쓰지 않는 부분 {part}{kind}이(가) 있어 판정이 이를 다룰 수 없습니다</translation>
    </message>
    <message>
        <source>sheet {title}, cell {cell}</source>
        <translation>{title} 시트, {cell} 셀</translation>
    </message>
    <message>
        <source>sheet {title}</source>
        <translation>{title} 시트</translation>
    </message>
    <message>
        <source>a defined name</source>
        <translation>정의된 이름</translation>
    </message>
    <message>
        <source>{name}: cannot read the file ({reason})</source>
        <translation>{name}: 파일을 읽을 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>{name} is not a readable .xlsx workbook (it has no part {member})</source>
        <translation>{name}은(는) 읽을 수 있는 .xlsx 통합 문서가 아닙니다({member} 부분이 없습니다)</translation>
    </message>
    <message>
        <source>{name} is damaged: its part {member} is not well-formed XML ({reason})</source>
        <translation>{name}이(가) 손상되었습니다. {member} 부분이 올바른 XML이 아닙니다({reason})</translation>
    </message>
    <message>
        <source>{name} has {n} parts; a gdapp workbook has at most {most}</source>
        <translation>{name}의 부분은 {n}개입니다. gdapp 통합 문서의 부분은 최대 {most}개입니다</translation>
    </message>
    <message>
        <source>refers to {target} outside the workbook</source>
        <translation>통합 문서 바깥의 {target}을(를) 참조합니다</translation>
    </message>
    <message>
        <source>holds a link</source>
        <translation>링크를 담고 있습니다</translation>
    </message>
    <message>
        <source>{name} is not a gdapp workbook (no {sheet} sheet)</source>
        <translation>{name}은(는) gdapp 통합 문서가 아닙니다({sheet} 시트가 없습니다)</translation>
    </message>
    <message>
        <source>{name} has a sheet {sheet} that gdapp does not write, so its verdict could not cover it</source>
        <translation>{name}에 gdapp가 쓰지 않는 시트 {sheet}이(가) 있어 판정이 이를 다룰 수 없습니다</translation>
    </message>
    <message>
        <source>{name} holds {size} MiB of text in its shared strings; a gdapp workbook holds a few KB</source>
        <translation>{name}의 공유 문자열에 텍스트가 {size} MiB 있습니다. gdapp 통합 문서에는 몇 KB뿐입니다</translation>
    </message>
    <message>
        <source>{name}: its {title} sheet is {size} MiB; gdapp writes a few KB there</source>
        <translation>{name}: {title} 시트가 {size} MiB입니다. gdapp는 그 시트에 몇 KB만 씁니다</translation>
    </message>
    <message>
        <source>{name}: its part xl/calcChain.xml unpacks to {size}, more than the formulas gdapp writes could need</source>
        <translation>{name}: xl/calcChain.xml 부분의 압축을 풀면 {size}입니다. gdapp가 쓰는 수식에 필요한 것보다 큽니다</translation>
    </message>
    <message>
        <source>its {title} sheet</source>
        <translation>{title} 시트</translation>
    </message>
    <message>
        <source>{name}: {what} unpacks to {size}; gdapp writes at most {limit} there for this run</source>
        <translation>{name}: {what}의 압축을 풀면 {size}입니다. 이 실행에 gdapp가 그곳에 쓰는 양은 최대 {limit}입니다</translation>
    </message>
    <message>
        <source>its chart part {member}</source>
        <translation>차트 부분 {member}</translation>
    </message>
    <message>
        <source>its part {member}</source>
        <translation>부분 {member}</translation>
    </message>
    <message>
        <source>holds a formula with no saved value (open and save the file in a spreadsheet program first, or type the number)</source>
        <translation>값이 저장되지 않은 수식이 들어 있습니다(먼저 스프레드시트 프로그램에서 파일을 열어 저장하거나 숫자를 입력하세요)</translation>
    </message>
    <message>
        <source>a part of it is not what an .xlsx workbook holds</source>
        <translation>일부가 .xlsx 통합 문서에 들어가는 내용이 아닙니다</translation>
    </message>
    <message>
        <source>its XML is malformed: {line}</source>
        <translation>XML이 올바르지 않습니다: {line}</translation>
    </message>
    <message>
        <source>{name} is not a gdapp workbook (its Settings sheet has no &apos;{marker}&apos; marker)</source>
        <translation>{name}은(는) gdapp 통합 문서가 아닙니다(Settings 시트에 &apos;{marker}&apos; 표시가 없습니다)</translation>
    </message>
    <message>
        <source>{path} is not a file</source>
        <translation>{path}은(는) 파일이 아닙니다</translation>
    </message>
    <message>
        <source>{name} has {n} parts; a workbook has far fewer</source>
        <translation>{name}의 부분은 {n}개입니다. 통합 문서의 부분은 훨씬 적습니다</translation>
    </message>
    <message>
        <source>{name} unpacks to {size} GiB; the limit is {limit} GiB</source>
        <translation>{name}의 압축을 풀면 {size} GiB입니다. 한도는 {limit} GiB입니다</translation>
    </message>
    <message>
        <source>Settings: the {label} setting (&apos;{key}&apos;) is missing</source>
        <translation>Settings 시트: {label} 설정(&apos;{key}&apos;)이 없습니다</translation>
    </message>
    <message>
        <source>Settings: {label} {note}</source>
        <translation>Settings 시트: {label}: {note}</translation>
    </message>
    <message>
        <source>Settings: {label} must be a number, got {got}</source>
        <translation>Settings 시트: {label}은(는) 숫자여야 합니다. 입력값: {got}</translation>
    </message>
    <message>
        <source>Settings: model must be one of {choices}, got {got}</source>
        <translation>Settings 시트: 모델은 {choices} 중 하나여야 합니다. 입력값: {got}</translation>
    </message>
    <message>
        <source>{name}: the defined name &apos;{key}&apos; does not point into the Data sheet</source>
        <translation>{name}: 정의된 이름 &apos;{key}&apos;이(가) Data 시트를 가리키지 않습니다</translation>
    </message>
    <message>
        <source>{name}: &apos;{key}&apos; must be one column of cells on the Data sheet</source>
        <translation>{name}: &apos;{key}&apos;은(는) Data 시트의 한 열이어야 합니다</translation>
    </message>
    <message>
        <source>{name}: &apos;{key}&apos; covers more rows than a sheet holds</source>
        <translation>{name}: &apos;{key}&apos;이(가) 시트 하나에 들어가는 것보다 많은 행을 덮습니다</translation>
    </message>
    <message>
        <source>{name}, Data row {row}: {role}</source>
        <translation>{name}, Data 시트 {row}행: {role}</translation>
    </message>
    <message>
        <source>{name}: the Data sheet ends before the end of {key}</source>
        <translation>{name}: Data 시트가 {key}의 끝보다 먼저 끝납니다</translation>
    </message>
    <message>
        <source>{path}: permission denied (cannot read it)</source>
        <translation>{path}: 읽을 권한이 없습니다</translation>
    </message>
    <message>
        <source>{name} is not an .xlsx workbook (it is not a zip archive)</source>
        <translation>{name}은(는) .xlsx 통합 문서가 아닙니다(zip 압축 파일이 아닙니다)</translation>
    </message>
    <message>
        <source>{name} is not a readable .xlsx workbook ({why})</source>
        <translation>{name}은(는) 읽을 수 있는 .xlsx 통합 문서가 아닙니다({why})</translation>
    </message>
    <message>
        <source>{name} has gdapp workbook format {version}; this gdapp reads format {format}</source>
        <translation>{name}의 gdapp 통합 문서 형식은 {version}입니다. 이 gdapp는 형식 {format}을(를) 읽습니다</translation>
    </message>
    <message>
        <source>{name}, {problem}</source>
        <translation>{name}, {problem}</translation>
    </message>
    <message>
        <source>{name}, Settings: {problem}</source>
        <translation>{name}, Settings 시트: {problem}</translation>
    </message>
    <message>
        <source>{name}, Data: {problem}</source>
        <translation>{name}, Data 시트: {problem}</translation>
    </message>
    <message>
        <source>{name}: {key} and y_data must cover the same rows</source>
        <translation>{name}: {key}와(과) y_data는 같은 행을 덮어야 합니다</translation>
    </message>
    <message>
        <source>Settings: &apos;{key}&apos; {note}</source>
        <translation>Settings 시트: &apos;{key}&apos;: {note}</translation>
    </message>
    <message>
        <source>Settings: &apos;{key}&apos; must be a text setting, got {got}</source>
        <translation>Settings 시트: &apos;{key}&apos;은(는) 텍스트 설정이어야 합니다. 입력값: {got}</translation>
    </message>
    <message>
        <source>{at} is {value}, not a number</source>
        <translation>{at}의 값 {value}은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>Settings: {label} must be TRUE or FALSE, got {got}</source>
        <translation>Settings 시트: {label}은(는) TRUE 또는 FALSE여야 합니다. 입력값: {got}</translation>
    </message>
    <message>
        <source>Settings: {label} must be a whole number, got {got}</source>
        <translation>Settings 시트: {label}은(는) 정수여야 합니다. 입력값: {got}</translation>
    </message>
    <message>
        <source>the time limit must be &gt; 0 seconds, got {got}</source>
        <translation>제한 시간은 0초보다 길어야 합니다. 입력값: {got}</translation>
    </message>
    <message>
        <source>workbooks recalculated together need different file names</source>
        <translation>함께 다시 계산하는 통합 문서들은 파일 이름이 서로 달라야 합니다</translation>
    </message>
    <message>
        <source>cannot verify: {path} does not exist or is not a file</source>
        <translation>검증할 수 없습니다. {path}이(가) 없거나 파일이 아닙니다</translation>
    </message>
    <message>
        <source>the output folder must differ from the folder of {name}</source>
        <translation>출력 폴더는 {name}의 폴더와 달라야 합니다</translation>
    </message>
    <message>
        <source>cannot verify: LibreOffice wrote no recalculated copy of {name} (it could not open it as a workbook){said}</source>
        <translation>검증할 수 없습니다. LibreOffice가 {name}을(를) 다시 계산한 사본을 쓰지 않았습니다(통합 문서로 열지 못했습니다){said}</translation>
    </message>
    <message>
        <source>{name}: the Iterations sheet holds no iterates</source>
        <translation>{name}: Iterations 시트에 반복 값이 없습니다</translation>
    </message>
    <message>
        <source>{name}, Iterations row {row}: k should be {count}, got {got}</source>
        <translation>{name}, Iterations 시트 {row}행: k는 {count}이어야 합니다. 입력값: {got}</translation>
    </message>
    <message>
        <source>{name}: the Iterations sheet has more rows than gdapp writes</source>
        <translation>{name}: Iterations 시트의 행이 gdapp가 쓰는 것보다 많습니다</translation>
    </message>
    <message>
        <source>{name}: the Iterations sheet is damaged ({reason})</source>
        <translation>{name}: Iterations 시트가 손상되었습니다({reason})</translation>
    </message>
    <message>
        <source>{name}: the Data sheet ends before the end of its samples</source>
        <translation>{name}: Data 시트가 샘플의 끝보다 먼저 끝납니다</translation>
    </message>
    <message>
        <source>the Data sheet&apos;s sample numbers must be 1, 2, … once each (the rows of the data file)</source>
        <translation>Data 시트의 샘플 번호는 1, 2, …가 한 번씩이어야 합니다(데이터 파일의 행)</translation>
    </message>
    <message>
        <source>{name}: the held-out samples (y_test) must follow the training ones (y_data) on the Data sheet</source>
        <translation>{name}: Data 시트에서 테스트 샘플(y_test)은 훈련 샘플(y_data) 다음에 와야 합니다</translation>
    </message>
    <message>
        <source>{name}, Data row {row}: the sample&apos;s row {value} is not a whole number</source>
        <translation>{name}, Data 시트 {row}행: 샘플의 행 번호 {value}이(가) 정수가 아닙니다</translation>
    </message>
    <message>
        <source>degree {degree} does not match the Data sheet&apos;s {n} power columns (export the run again to change the degree)</source>
        <translation>차수 {degree}이(가) Data 시트의 거듭제곱 열 {n}개와 맞지 않습니다(차수를 바꾸려면 실행을 다시 내보내세요)</translation>
    </message>
    <message>
        <source>test_fraction must be a number and split_seed a whole number</source>
        <translation>test_fraction은 숫자, split_seed는 정수여야 합니다</translation>
    </message>
    <message>
        <source>test_fraction {fraction} with split_seed {seed} holds out other samples than the Data sheet does (export the run again to change the split)</source>
        <translation>split_seed {seed}인 test_fraction {fraction}은(는) Data 시트와 다른 샘플을 떼어 냅니다(분할을 바꾸려면 실행을 다시 내보내세요)</translation>
    </message>
    <message>
        <source>cannot verify: {name} cannot be read ({reason})</source>
        <translation>검증할 수 없습니다. {name}을(를) 읽을 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>cannot verify: the workbook&apos;s part {member} is missing or damaged ({reason})</source>
        <translation>검증할 수 없습니다. 통합 문서의 {member} 부분이 없거나 손상되었습니다({reason})</translation>
    </message>
    <message>
        <source>cannot verify: sheet {title} is damaged ({reason})</source>
        <translation>검증할 수 없습니다. {title} 시트가 손상되었습니다({reason})</translation>
    </message>
    <message>
        <source>{path} names a folder, not a workbook file</source>
        <translation>{path}은(는) 통합 문서 파일이 아니라 폴더를 가리킵니다</translation>
    </message>
    <message>
        <source>{name}: a workbook&apos;s file name must end in .xlsx</source>
        <translation>{name}: 통합 문서의 파일 이름은 .xlsx로 끝나야 합니다</translation>
    </message>
    <message>
        <source>the file name {name}… is too long ({n} characters): use at most {most}</source>
        <translation>파일 이름 {name}…이(가) 너무 깁니다({n}자). {most}자 이하로 하세요</translation>
    </message>
    <message>
        <source>{path} is a folder, not a workbook file</source>
        <translation>{path}은(는) 통합 문서 파일이 아니라 폴더입니다</translation>
    </message>
    <message>
        <source>{path} is not a folder</source>
        <translation>{path}은(는) 폴더가 아닙니다</translation>
    </message>
    <message>
        <source>{path}: no such folder</source>
        <translation>{path}: 그런 폴더가 없습니다</translation>
    </message>
    <message>
        <source>{path}: permission denied (cannot write there)</source>
        <translation>{path}: 쓸 권한이 없습니다</translation>
    </message>
    <message>
        <source>{path} is read-only: make it writable or choose another name</source>
        <translation>{path}은(는) 읽기 전용입니다. 쓸 수 있게 바꾸거나 다른 이름을 고르세요</translation>
    </message>
    <message>
        <source>no output file given</source>
        <translation>출력 파일이 주어지지 않았습니다</translation>
    </message>
    <message>
        <source>{path} is not a file path</source>
        <translation>{path}은(는) 파일 경로가 아닙니다</translation>
    </message>
    <message>
        <source>{path}: cannot write there ({reason})</source>
        <translation>{path}: 그곳에 쓸 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>{path} is a symbolic link that leads round in a loop</source>
        <translation>{path}은(는) 순환하는 심볼릭 링크입니다</translation>
    </message>
    <message>
        <source>{path}: could not save the workbook ({reason})</source>
        <translation>{path}: 통합 문서를 저장하지 못했습니다({reason})</translation>
    </message>
    <message>
        <source>{name} is damaged: a part of it cannot be unpacked ({reason})</source>
        <translation>{name}이(가) 손상되었습니다. 일부의 압축을 풀 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>{name} is refused: its part {part} declares XML entities or a document type, which workbooks never need and which can make a reader hang</source>
        <translation>{name}은(는) 거부되었습니다. {part} 부분이 XML 엔티티나 문서 형식을 선언합니다. 통합 문서에는 필요 없고 읽는 프로그램을 멈추게 할 수 있습니다</translation>
    </message>
    <message>
        <source>{name} is refused: its part {part} does not start like spreadsheet XML</source>
        <translation>{name}은(는) 거부되었습니다. {part} 부분이 스프레드시트 XML처럼 시작하지 않습니다</translation>
    </message>
    <message>
        <source>{name} is not a gdapp workbook: its sheet part {part} ({size} MB) does not state its size, so it is not read</source>
        <translation>{name}은(는) gdapp 통합 문서가 아닙니다. 시트 부분 {part}({size} MB)이(가) 크기를 밝히지 않아 읽지 않습니다</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>권한이 없습니다</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>허용되지 않는 작업입니다</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>파일이나 폴더가 없습니다</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>폴더가 아닙니다</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>폴더입니다</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>읽기 전용 파일 시스템입니다</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>장치에 남은 공간이 없습니다</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>디스크 할당량을 넘었습니다</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>파일 이름이 너무 깁니다</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>입출력 오류입니다</translation>
    </message>
    <message>
        <source>Too many levels of symbolic links</source>
        <translation>심볼릭 링크가 너무 여러 번 이어집니다</translation>
    </message>
    <message>
        <source>the shaping is not a JSON object</source>
        <extracomment>The data the window made last and their shaping (a session saves the samples as loaded, not the ones recovered from standardized features).</extracomment>
        <translation>데이터 변형 정보가 JSON 객체가 아닙니다</translation>
    </message>
    <message>
        <source>the shaping {saved} is not a degree, a fraction and a seed</source>
        <translation>데이터 변형 정보 {saved}은(는) 차수, 비율, 시드가 아닙니다</translation>
    </message>
    <message>
        <source>the shaping&apos;s standardize {value} is not true or false</source>
        <translation>데이터 변형 정보의 표준화 값 {value}은(는) true나 false가 아닙니다</translation>
    </message>
    <message>
        <source>, degree {d}</source>
        <translation>, 차수 {d}</translation>
    </message>
    <message>
        <source>, hidden sheet {title}</source>
        <translation>, 숨긴 시트 {title}</translation>
    </message>
    <message>
        <source>, standardized</source>
        <translation>, 표준화</translation>
    </message>
    <message>
        <source>, training</source>
        <translation>, 훈련 데이터</translation>
    </message>
    <message>
        <source>Each iterate k is a band of rows, one row per parameter bj (j is its index)</source>
        <extracomment>The column of the parameters&apos; indices j (b0 → 0, b3 → 3), and the name standing for every parameter in the other columns&apos; keys (&quot;∂/∂bj&quot; for ∂/∂b0, ∂/∂b1, …). The note&apos;s columns, which never make way for want of room. The background of every other band (the rows of one iterate read as one).</extracomment>
        <translation>반복 k마다 여러 행이 한 묶음입니다: 파라미터 bj마다 한 행 (j는 그 번호)</translation>
    </message>
    <message>
        <source>The update, written out</source>
        <translation>업데이트의 계산</translation>
    </message>
    <message>
        <source>The update in a window</source>
        <translation>업데이트 계산을 별도 창에</translation>
    </message>
    <message>
        <source>The arithmetic of the next update, whole, in a window of its own (Ctrl+Shift+T)</source>
        <translation>다음 업데이트의 계산 전체를 별도 창에 보여 줍니다 (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <source>Show the whole update</source>
        <translation>업데이트 계산 전체 보기</translation>
    </message>
    <message>
        <source>The note&apos;s update: b ← b − η·g.</source>
        <translation>강의 노트의 업데이트: b ← b − η·g.</translation>
    </message>
    <message>
        <source>torch SGD with momentum μ: a velocity buf = μ·buf + (1 − τ)·g carries the steps on (buf = g at the first).</source>
        <translation>모멘텀 μ의 torch SGD: 속도 buf = μ·buf + (1 − τ)·g 가 스텝을 이어 갑니다 (첫 업데이트에서는 buf = g).</translation>
    </message>
    <message>
        <source>torch SGD with nesterov=True: the step looks ahead along the velocity, d = g + μ·buf.</source>
        <translation>nesterov=True인 torch SGD: 스텝이 속도 방향으로 앞을 내다봅니다, d = g + μ·buf.</translation>
    </message>
    <message>
        <source>Each coordinate&apos;s step is divided by the root of its summed squared gradients: d = g/(√S + ε).</source>
        <translation>좌표마다 스텝을 그 좌표 기울기 제곱의 합의 제곱근으로 나눕니다: d = g/(√S + ε).</translation>
    </message>
    <message>
        <source>The step is divided by the root of a running mean of squared gradients, v = α·v + (1 − α)·g².</source>
        <translation>스텝을 기울기 제곱의 이동 평균의 제곱근으로 나눕니다, v = α·v + (1 − α)·g².</translation>
    </message>
    <message>
        <source>Running means of g (m, β1) and g² (v, β2), bias-corrected: d = m̂/(√v̂ + ε).</source>
        <translation>g의 이동 평균(m, β1)과 g²의 이동 평균(v, β2)을 편향 보정하여: d = m̂/(√v̂ + ε).</translation>
    </message>
    <message>
        <source>η at every update (the note&apos;s).</source>
        <translation>모든 업데이트에서 η (강의 노트의 방식).</translation>
    </message>
    <message>
        <source>η·γ^⌊(k − 1)/s⌋: multiplied by γ every s updates.</source>
        <translation>η·γ^⌊(k − 1)/s⌋: s번 업데이트마다 γ를 곱합니다.</translation>
    </message>
    <message>
        <source>η·γ^(k − 1): multiplied by γ at every update.</source>
        <translation>η·γ^(k − 1): 업데이트마다 γ를 곱합니다.</translation>
    </message>
    <message>
        <source>η/k^power_t (scikit-learn&apos;s inverse scaling).</source>
        <translation>η/k^power_t (scikit-learn의 inverse scaling).</translation>
    </message>
    <message>
        <source>η·(1 + cos(π·(k − 1)/T))/2 over T = max iterations updates.</source>
        <translation>T = 최대 반복 횟수 동안 η·(1 + cos(π·(k − 1)/T))/2.</translation>
    </message>
    <message>
        <source>η = {eta} is the stability limit: the iterates bounce back and forth for ever.</source>
        <translation>η = {eta}가 안정 한계입니다: 반복값이 끝없이 진동합니다.</translation>
    </message>
    <message>
        <source>Try η below {limit}: at η = {eta} each step overshoots further, the descent diverges.</source>
        <translation>η를 {limit}보다 작게 해 보세요: η = {eta}에서는 단계마다 더 멀리 넘어가 경사하강법이 발산합니다.</translation>
    </message>
    <message>
        <source>Start elsewhere to reach the lowest valley, {lowest}: stuck at {stuck}.</source>
        <translation>가장 낮은 골짜기 {lowest}에 닿으려면 다른 시작점에서 출발하세요: {stuck}에 갇혔습니다.</translation>
    </message>
    <message>
        <source>Try a larger η or a smaller tolerance: the run stopped {left} from the optimum.</source>
        <translation>η를 키우거나 허용 오차를 줄여 보세요: 최적 값에서 {left}만큼 떨어진 채 멈췄습니다.</translation>
    </message>
</context>
</TS>
