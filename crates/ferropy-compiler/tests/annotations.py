from __future__ import annotations
_0: "Timeout"
_1: "Traversable"
_2: 'BinaryIO'
_3: 'IO[AnyStr]'
_4: 'SimplePath'
_5: 'TextIO'
_6: Any
_7: AnyStr
_8: BaseException
_9: BinaryIO
_10: Callable[[T], T]
_11: ContextManager[pathlib.Path]
_12: Decimal
_13: Dict[str, FunctionProfile]
_14: Dict[str, Union[str, List[str]]]
_15: FastPath
_16: Iterable[_T]
_17: Iterable[str]
_18: Iterator["Traversable"]
_19: Iterator[_T]
_20: Iterator[str]
_21: List[AnyStr]
_22: Mapping[str, List[str]]
_23: Never
_24: NoReturn
_25: None
_26: Optional['Distribution']
_27: Optional[BaseException]
_28: Optional[Callable[[_T], _U]]
_29: Optional[TracebackType]
_30: Optional[Type[BaseException]]
_31: Optional[bool]
_32: Optional[events.TimerHandle]
_33: Optional[float]
_34: Optional[str]
_35: Optional[tasks.Task]
_36: Package
_37: Resource
_38: Set[Union[_T, _U]]
_39: SimplePath
_40: StrPath
_41: T
_42: T_co
_43: Text
_44: TextIO
_45: Timeout
_46: Union[EntryPoints, SelectableGroups]
_47: Union[List[Any], _T]
_48: Union[_ModuleTarget, _ScriptTarget]
_49: Union[bytes, bytearray]
_50: _T
_51: _meta.PackageMetadata
_52: bool
_53: bytes
_54: complex
_55: email.message.Message
_56: events.AbstractEventLoop
_57: float
_58: int
_59: io.BufferedReader
_60: socket.socket
_61: str
_62: tuple[type[Any] | Callable[..., Any], ...]
_63: typing.Iterable[typing.Callable[[], typing.Awaitable]]
_64: typing.Optional[float]
_65: typing.Optional[locks.Event]
_66: a + b * c
_67: (a + b) * c
_68: a ** b ** c
_69: (a ** b) ** c
_70: -x ** 2
_71: not a and b or c
_72: lambda x, *y, z=1, **k: x
_73: x if y else z
_74: [x for x in y if z]
_75: {k: v for k, v in d}
_76: f(*a, b=1, **c)
_77: a[1:2, ::3]
_78: a[(1, 2)]
_79: f'{x!r:>{w}} {{}}'
_80: 1e300 * 10
_81: (1).real
_82: 1.5
_83: 1e-05
_84: 1e+20
_85: b"\x00'"
_86: "it's"
_87: {*()}
_88: a < b <= c
_89: ...
_90: None | int
_91: tuple[int, ...]
_92: 3j
_93: (a, b)
_94: ()
_95: (a,)
_96: f(x for x in y)
_97: {1, 2}
_98: a.b.c
_99: x[-1]
_100: ~a
_101: "\u1234\n"
_102: 0.1
_103: 123456789012345678901234567890
_104: 1.0e16
